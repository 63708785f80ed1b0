package dev.bulwark.node.loadgen;

/**
 * The open-loop arrival schedule: transaction i is due {@code i / rate} seconds after the start,
 * whatever the node answers, so a slow node faces a growing backlog rather than a slower client
 * (no coordinated omission). The sender sends everything due at each wake-up, at most {@code
 * batch} transactions per JSON-RPC batch.
 */
public final class OpenLoopSchedule {
  private final double rate;
  private final long total;

  /** {@code rate} transactions per second over {@code seconds}. */
  public OpenLoopSchedule(double rate, double seconds) {
    if (!(rate > 0) || !(seconds > 0)) {
      throw new IllegalArgumentException("an open-loop schedule needs a positive rate and duration");
    }
    this.rate = rate;
    this.total = (long) Math.ceil(rate * seconds);
  }

  /** How many transactions the schedule holds. */
  public long total() {
    return total;
  }

  /** Nanoseconds after the start at which transaction {@code i} is due. */
  public long dueAtNanos(long i) {
    return (long) Math.ceil(i * 1e9 / rate);
  }

  /** How many transactions are due {@code elapsedNanos} after the start (0 before it). */
  public long dueBy(long elapsedNanos) {
    if (elapsedNanos < 0) {
      return 0;
    }
    return Math.min(total, (long) Math.floor(elapsedNanos * rate / 1e9) + 1);
  }

  /** Nanoseconds from {@code elapsedNanos} until the next transaction is due; -1 when none is left. */
  public long nanosUntilNext(long elapsedNanos) {
    long next = dueBy(elapsedNanos);
    return next >= total ? -1 : Math.max(0, dueAtNanos(next) - elapsedNanos);
  }
}
