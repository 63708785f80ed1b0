package dev.bulwark.ledger.mempool;

import dev.bulwark.ledger.tx.RejectionReason;
import dev.bulwark.ledger.tx.TransactionRejectedException;
import dev.bulwark.ledger.types.Hash;
import java.util.Optional;

/** The outcome of offering one transaction to the pool. */
public sealed interface AddResult permits AddResult.Added, AddResult.Rejected {

  /** The transaction's hash. */
  Hash hash();

  /** This result as {@link Added}; for a rejection, throws it with Ethereum's text. */
  Added orThrow() throws TransactionRejectedException;

  /**
   * The transaction is pooled.
   *
   * @param hash its hash
   * @param pending true when it is executable now, false when held behind a nonce gap
   * @param replaced the same-nonce transaction it replaced, if any
   */
  record Added(Hash hash, boolean pending, Optional<Hash> replaced) implements AddResult {
    public Added {
      if (hash == null || replaced == null) {
        throw new IllegalArgumentException("added result fields must not be null");
      }
    }

    @Override
    public Added orThrow() {
      return this;
    }
  }

  /**
   * The transaction is not pooled.
   *
   * @param hash its hash
   * @param reason why, with the JSON-RPC error text
   */
  record Rejected(Hash hash, RejectionReason reason) implements AddResult {
    public Rejected {
      if (hash == null || reason == null) {
        throw new IllegalArgumentException("rejected result fields must not be null");
      }
    }

    @Override
    public Added orThrow() {
      throw new TransactionRejectedException(reason);
    }
  }
}
