package dev.bulwark.ledger.execution;

import dev.bulwark.ledger.tx.TransactionType;
import dev.bulwark.ledger.types.Address;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of one transaction in a block (ETH-RPC.md section 1.2): status, its own gas, the
 * block's gas up to and including it, the price paid per gas, sender and recipient, and logs. A
 * failed transaction carries a revert reason (Bulwark's addition, shown by RPC).
 *
 * <p>A block whose system hooks emitted logs (slashing, jailing, epoch changes) has one more,
 * block-level receipt after the transactions' ones: {@link #blockLevel}, from the zero address with
 * no recipient and no gas; the store serves it under the block hash as its transaction hash.
 */
public record Receipt(
    TransactionType type,
    boolean success,
    long gasUsed,
    long cumulativeGasUsed,
    BigInteger effectiveGasPrice,
    Address from,
    Optional<Address> to,
    List<Log> logs,
    Optional<String> revertReason) {
  /** The sender of the block-level receipt. */
  public static final Address SYSTEM_SENDER = Address.of(new byte[Address.SIZE]);

  public Receipt {
    logs = List.copyOf(logs);
    if (type == null
        || from == null
        || to == null
        || revertReason == null
        || effectiveGasPrice == null
        || effectiveGasPrice.signum() < 0) {
      throw new IllegalArgumentException("receipt fields are required");
    }
    if (gasUsed < 0 || cumulativeGasUsed < gasUsed) {
      throw new IllegalArgumentException(
          "receipt gas used " + gasUsed + " / cumulative " + cumulativeGasUsed);
    }
    if (success == revertReason.isPresent()) {
      throw new IllegalArgumentException("exactly the failed receipts carry a revert reason");
    }
    if (!success && !logs.isEmpty()) {
      throw new IllegalArgumentException("a failed transaction emits no logs");
    }
  }

  /** The block-level receipt holding the system hooks' logs. */
  public static Receipt blockLevel(List<Log> logs, long cumulativeGasUsed) {
    return new Receipt(
        TransactionType.LEGACY,
        true,
        0,
        cumulativeGasUsed,
        BigInteger.ZERO,
        SYSTEM_SENDER,
        Optional.empty(),
        logs,
        Optional.empty());
  }

  /** The bloom of this receipt's logs. */
  public LogsBloom logsBloom() {
    return LogsBloom.of(logs);
  }
}
