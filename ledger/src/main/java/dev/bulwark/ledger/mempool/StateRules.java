package dev.bulwark.ledger.mempool;

import dev.bulwark.ledger.tx.AdmissionCheck;
import dev.bulwark.ledger.tx.RejectionReason;
import dev.bulwark.ledger.tx.SignedTransaction;
import dev.bulwark.ledger.tx.Transaction;
import dev.bulwark.ledger.tx.TransactionType;
import dev.bulwark.ledger.types.Address;
import java.util.Optional;

/**
 * The admission rules that depend on the head (one transaction at a time; the pool adds the
 * rules that depend on what it already holds): block gas limit, base fee floor, nonce window and
 * balance. Runs after the stateless rules, so the sender is already recovered.
 */
final class StateRules implements AdmissionCheck {
  private final PoolHead head;
  private final int maxNonceAhead;

  /** Rules against {@code head}, admitting nonces below {@code accountNonce + maxNonceAhead}. */
  StateRules(PoolHead head, int maxNonceAhead) {
    this.head = head;
    this.maxNonceAhead = maxNonceAhead;
  }

  @Override
  public Optional<RejectionReason> evaluate(SignedTransaction signed) {
    Optional<Address> sender = signed.sender();
    if (sender.isEmpty()) {
      return Optional.of(RejectionReason.INVALID_SENDER);
    }
    Transaction tx = signed.transaction();
    if (Long.compareUnsigned(tx.gasLimit(), head.blockGasLimit()) > 0) {
      return Optional.of(RejectionReason.EXCEEDS_BLOCK_GAS_LIMIT);
    }
    if (tx.maxFeePerGas().compareTo(head.baseFee()) < 0) {
      // geth's texts: a fee cap (type 2) is below the base fee; a gas price is underpriced.
      return Optional.of(tx.type() == TransactionType.DYNAMIC_FEE
          ? RejectionReason.FEE_CAP_BELOW_BASE_FEE
          : RejectionReason.UNDERPRICED);
    }
    long accountNonce = head.state().nonce(sender.get());
    if (Long.compareUnsigned(tx.nonce(), accountNonce) < 0) {
      return Optional.of(RejectionReason.NONCE_TOO_LOW);
    }
    if (Long.compareUnsigned(tx.nonce() - accountNonce, maxNonceAhead) >= 0) {
      return Optional.of(RejectionReason.NONCE_TOO_HIGH);
    }
    if (head.state().balance(sender.get()).compareTo(Fees.maxCost(tx)) < 0) {
      return Optional.of(RejectionReason.INSUFFICIENT_FUNDS);
    }
    return Optional.empty();
  }
}
