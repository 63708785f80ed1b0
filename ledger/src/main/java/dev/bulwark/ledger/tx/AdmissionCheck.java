package dev.bulwark.ledger.tx;

import java.util.Optional;

/**
 * One stage of transaction admission. {@link TransactionRules} is the stateless stage; the
 * mempool adds its state-dependent stage (nonce, balance, base fee) with {@link #andThen}.
 */
@FunctionalInterface
public interface AdmissionCheck {

  /** The first reason {@code tx} is not admitted, or empty when this stage accepts it. */
  Optional<RejectionReason> evaluate(SignedTransaction tx);

  /** Throws {@link TransactionRejectedException} when {@link #evaluate} finds a reason. */
  default void check(SignedTransaction tx) {
    Optional<RejectionReason> reason = evaluate(tx);
    if (reason.isPresent()) {
      throw new TransactionRejectedException(reason.get());
    }
  }

  /** This stage, then {@code next} for transactions this stage accepts. */
  default AdmissionCheck andThen(AdmissionCheck next) {
    return tx -> {
      Optional<RejectionReason> reason = evaluate(tx);
      return reason.isPresent() ? reason : next.evaluate(tx);
    };
  }
}
