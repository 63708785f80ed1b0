package dev.bulwark.ledger.mempool;

import dev.bulwark.ledger.types.Address;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A consistent snapshot of the pool for RPC ({@code txpool_content}-like), per sender in nonce
 * order.
 *
 * @param pending executable transactions: each sender's run of nonces from its account nonce
 * @param queued transactions held behind a nonce gap
 */
public record PoolContent(SortedMap<Address, List<PooledTransaction>> pending,
    SortedMap<Address, List<PooledTransaction>> queued) {
  public PoolContent {
    pending = copy(pending);
    queued = copy(queued);
  }

  /** The number of executable transactions. */
  public int pendingCount() {
    return pending.values().stream().mapToInt(List::size).sum();
  }

  /** The number of transactions held behind a gap. */
  public int queuedCount() {
    return queued.values().stream().mapToInt(List::size).sum();
  }

  private static SortedMap<Address, List<PooledTransaction>> copy(
      SortedMap<Address, List<PooledTransaction>> map) {
    TreeMap<Address, List<PooledTransaction>> out = new TreeMap<>();
    map.forEach((sender, txs) -> out.put(sender, List.copyOf(txs)));
    return Collections.unmodifiableSortedMap(out);
  }
}
