package dev.bulwark.ledger.mempool;

import dev.bulwark.ledger.types.Address;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Each sender's highest-nonce transaction, cheapest first by effective tip at the current base
 * fee; among equals the latest arrival comes first, so a newcomer must outbid, not match, what
 * it displaces. Only these tails are evicted, so eviction never leaves a sender's higher nonce
 * pooled above a hole it made. Tips are computed when a tail is indexed, and the whole index is
 * rebuilt when the base fee changes. Not thread-safe: the pool's lock guards it.
 */
final class EvictionIndex {
  private static final Comparator<Key> CHEAPEST_FIRST = Comparator.comparing(Key::tip)
      .thenComparing(Comparator.comparingLong(Key::arrival).reversed());

  private final TreeSet<Key> tails = new TreeSet<>(CHEAPEST_FIRST);
  private final Map<Address, Key> bySender = new HashMap<>();
  private BigInteger baseFee;

  private record Key(BigInteger tip, long arrival, PoolEntry entry) {}

  EvictionIndex(BigInteger baseFee) {
    this.baseFee = baseFee;
  }

  /** Re-indexes every queue's tail at a new base fee. */
  void rebuild(BigInteger newBaseFee, Collection<SenderQueue> queues) {
    baseFee = newBaseFee;
    tails.clear();
    bySender.clear();
    queues.forEach(this::refresh);
  }

  /** Re-indexes {@code queue}'s tail after the queue changed (it may now be empty). */
  void refresh(SenderQueue queue) {
    Key old = bySender.remove(queue.sender());
    if (old != null) {
      tails.remove(old);
    }
    PoolEntry tail = queue.tail();
    if (tail != null) {
      Key key = new Key(tipOf(tail), tail.arrival(), tail);
      tails.add(key);
      bySender.put(queue.sender(), key);
    }
  }

  /** The cheapest tail that {@code eligible} accepts. */
  Optional<PoolEntry> cheapest(Predicate<PoolEntry> eligible) {
    for (Key key : tails) {
      if (eligible.test(key.entry())) {
        return Optional.of(key.entry());
      }
    }
    return Optional.empty();
  }

  /** The effective tip of {@code entry} at the indexed base fee. */
  BigInteger tipOf(PoolEntry entry) {
    return Fees.effectiveTip(entry.transaction(), baseFee);
  }
}
