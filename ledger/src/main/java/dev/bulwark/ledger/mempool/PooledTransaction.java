package dev.bulwark.ledger.mempool;

import dev.bulwark.ledger.tx.SignedTransaction;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Hash;

/**
 * A transaction as the pool holds it.
 *
 * @param tx the signed transaction
 * @param sender its recovered sender
 * @param origin who submitted it
 * @param arrival the pool's admission sequence number (orders equal-fee transactions)
 */
public record PooledTransaction(SignedTransaction tx, Address sender, TxOrigin origin,
    long arrival) {
  public PooledTransaction {
    if (tx == null || sender == null || origin == null) {
      throw new IllegalArgumentException("pooled transaction fields must not be null");
    }
  }

  /** The transaction hash. */
  public Hash hash() {
    return tx.hash();
  }

  /** The transaction nonce (uint64 in a long). */
  public long nonce() {
    return tx.transaction().nonce();
  }
}
