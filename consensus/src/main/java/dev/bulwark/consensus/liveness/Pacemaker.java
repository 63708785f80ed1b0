package dev.bulwark.consensus.liveness;

import java.util.OptionalLong;

/**
 * The current round and its deadline (Aptos' {@code RoundState}): a QC for round r or a TC for
 * round r moves the node to round r + 1. Entering a round through a QC resets the backoff; through
 * a TC it lengthens it ({@link TimeoutPolicy}). Pure bookkeeping: the caller turns the returned
 * deadline into a timer.
 */
public final class Pacemaker {
  private final TimeoutPolicy policy;
  private long round;
  private int consecutiveTimeouts;
  private long deadline;

  /** A pacemaker in round {@code startRound} (not yet timed). */
  public Pacemaker(TimeoutPolicy policy, long startRound) {
    this.policy = policy;
    this.round = startRound;
  }

  /** The current round. */
  public long round() {
    return round;
  }

  /** Rounds in a row that ended in a timeout certificate. */
  public int consecutiveTimeouts() {
    return consecutiveTimeouts;
  }

  /** The local clock time at which the current round times out. */
  public long deadline() {
    return deadline;
  }

  /** The timeout length of the current round. */
  public long currentTimeoutMillis() {
    return policy.durationMillis(consecutiveTimeouts);
  }

  /**
   * Processes a QC of {@code round}: when it moves the node forward, enters round + 1 with the base
   * timeout and returns that round's deadline.
   */
  public OptionalLong onQuorumCertificate(long qcRound, long now) {
    if (qcRound + 1 <= round) {
      return OptionalLong.empty();
    }
    consecutiveTimeouts = 0;
    return enter(qcRound + 1, now);
  }

  /** Processes a TC of {@code tcRound}: like a QC, but the backoff grows by one step. */
  public OptionalLong onTimeoutCertificate(long tcRound, long now) {
    if (tcRound + 1 <= round) {
      return OptionalLong.empty();
    }
    consecutiveTimeouts++;
    return enter(tcRound + 1, now);
  }

  /** Starts the timer of the current round (at startup); returns its deadline. */
  public long start(long now) {
    deadline = now + currentTimeoutMillis();
    return deadline;
  }

  /** After a local timeout: the deadline at which to repeat the timeout message. */
  public long rearm(long now) {
    deadline = now + currentTimeoutMillis();
    return deadline;
  }

  private OptionalLong enter(long newRound, long now) {
    round = newRound;
    deadline = now + currentTimeoutMillis();
    return OptionalLong.of(deadline);
  }
}
