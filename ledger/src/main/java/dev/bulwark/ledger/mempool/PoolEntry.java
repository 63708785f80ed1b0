package dev.bulwark.ledger.mempool;

import dev.bulwark.ledger.tx.Transaction;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Hash;
import java.math.BigInteger;

/** A pooled transaction with the pool's bookkeeping; mutated only under the pool's lock. */
final class PoolEntry {
  private final PooledTransaction pooled;
  private final BigInteger maxCost;
  private boolean announced;

  PoolEntry(PooledTransaction pooled) {
    this.pooled = pooled;
    this.maxCost = Fees.maxCost(pooled.tx().transaction());
  }

  PooledTransaction pooled() {
    return pooled;
  }

  Transaction transaction() {
    return pooled.tx().transaction();
  }

  Hash hash() {
    return pooled.hash();
  }

  Address sender() {
    return pooled.sender();
  }

  long nonce() {
    return pooled.nonce();
  }

  long arrival() {
    return pooled.arrival();
  }

  /** value + gasLimit * max fee: what the sender's balance must cover for this transaction. */
  BigInteger maxCost() {
    return maxCost;
  }

  /** True once listeners have been told about this transaction. */
  boolean isAnnounced() {
    return announced;
  }

  void markAnnounced() {
    announced = true;
  }

  @Override
  public String toString() {
    return "PoolEntry[" + pooled.sender() + " #" + Long.toUnsignedString(nonce()) + " "
        + hash() + "]";
  }
}
