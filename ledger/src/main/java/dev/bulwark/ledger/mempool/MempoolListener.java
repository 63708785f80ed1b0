package dev.bulwark.ledger.mempool;

import java.util.List;

/**
 * Receives the transactions that became executable in the pool, each exactly once, in batches
 * (gossip subscribes and sends each to every peer but its origin). Called on the thread that
 * changed the pool, after the pool's lock is released: implementations must be thread-safe, fast
 * (hand the batch to an event loop) and must not throw.
 */
@FunctionalInterface
public interface MempoolListener {

  /** A non-empty batch of newly executable transactions, in nonce order per sender. */
  void onNewTransactions(List<PooledTransaction> batch);
}
