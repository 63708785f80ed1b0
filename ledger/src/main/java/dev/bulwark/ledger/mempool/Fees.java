package dev.bulwark.ledger.mempool;

import dev.bulwark.ledger.tx.Transaction;
import java.math.BigInteger;

/** Fee arithmetic of the pool (ETH-RPC.md section 3). */
final class Fees {
  private static final BigInteger HUNDRED = BigInteger.valueOf(100);
  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

  private Fees() {}

  /**
   * What a proposer earns per gas at {@code baseFee}: min(tip cap, fee cap - base fee); negative
   * when the fee cap is below the base fee (such a transaction cannot be included).
   */
  static BigInteger effectiveTip(Transaction tx, BigInteger baseFee) {
    return tx.maxPriorityFeePerGas().min(tx.maxFeePerGas().subtract(baseFee));
  }

  /** The most the transaction can cost its sender: value + gasLimit * max fee per gas. */
  static BigInteger maxCost(Transaction tx) {
    return tx.value().add(unsigned(tx.gasLimit()).multiply(tx.maxFeePerGas()));
  }

  /**
   * True when {@code candidate} may replace {@code old} (same sender and nonce): both its fee cap
   * and its tip cap are strictly higher and at least {@code bumpPercent} percent higher, as geth
   * requires. Legacy and EIP-2930 gas prices count as both caps.
   */
  static boolean isSufficientBump(Transaction old, Transaction candidate, int bumpPercent) {
    return raisedEnough(old.maxFeePerGas(), candidate.maxFeePerGas(), bumpPercent)
        && raisedEnough(old.maxPriorityFeePerGas(), candidate.maxPriorityFeePerGas(), bumpPercent);
  }

  private static boolean raisedEnough(BigInteger old, BigInteger candidate, int bumpPercent) {
    BigInteger threshold = old.multiply(BigInteger.valueOf(100L + bumpPercent)).divide(HUNDRED);
    return candidate.compareTo(old) > 0 && candidate.compareTo(threshold) >= 0;
  }

  /** A uint64 held in a long, as a non-negative BigInteger. */
  static BigInteger unsigned(long value) {
    BigInteger v = BigInteger.valueOf(value);
    return value >= 0 ? v : v.add(TWO_64);
  }
}
