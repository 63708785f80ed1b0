package dev.bulwark.ledger.mempool;

import dev.bulwark.ledger.tx.RejectionReason;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Monotonic counts of what the pool did, as plain getters for the node to export as metrics.
 * Updated from any thread without the pool's lock.
 */
public final class MempoolCounters {
  private final LongAdder admitted = new LongAdder();
  private final LongAdder replaced = new LongAdder();
  private final LongAdder evicted = new LongAdder();
  private final LongAdder included = new LongAdder();
  private final LongAdder invalidated = new LongAdder();
  private final Map<RejectionReason, LongAdder> rejected = new EnumMap<>(RejectionReason.class);

  MempoolCounters() {
    for (RejectionReason reason : RejectionReason.values()) {
      rejected.put(reason, new LongAdder());
    }
  }

  /** Transactions admitted (replacements included). */
  public long admitted() {
    return admitted.sum();
  }

  /** Transactions that replaced a same-nonce transaction. */
  public long replaced() {
    return replaced.sum();
  }

  /** Transactions evicted to make room for better-paying ones. */
  public long evicted() {
    return evicted.sum();
  }

  /** Transactions removed because a committed block included them. */
  public long included() {
    return included.sum();
  }

  /** Transactions removed after a commit made them invalid (stale nonce, unpayable). */
  public long invalidated() {
    return invalidated.sum();
  }

  /** Transactions rejected for {@code reason}. */
  public long rejected(RejectionReason reason) {
    return rejected.get(reason).sum();
  }

  /** Transactions rejected for any reason. */
  public long rejectedTotal() {
    return rejected.values().stream().mapToLong(LongAdder::sum).sum();
  }

  void countAdmitted(boolean replacement) {
    admitted.increment();
    if (replacement) {
      replaced.increment();
    }
  }

  void countRejected(RejectionReason reason) {
    rejected.get(reason).increment();
  }

  void countEvicted() {
    evicted.increment();
  }

  void countIncluded() {
    included.increment();
  }

  void countInvalidated(int count) {
    invalidated.add(count);
  }
}
