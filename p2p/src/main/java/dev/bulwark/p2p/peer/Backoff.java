package dev.bulwark.p2p.peer;

import java.time.Duration;
import java.util.Random;

/**
 * Exponential reconnect delays with jitter: attempt n waits min(max, initial·2^n) scaled by a
 * random factor in [1 − jitter, 1], so that nodes restarted together do not redial in lockstep.
 */
public final class Backoff {
  private final long initialMillis;
  private final long maxMillis;
  private final double jitter;
  private final Random random;

  /** A backoff; {@code random} is seeded in tests for reproducible delays. */
  public Backoff(Duration initial, Duration max, double jitter, Random random) {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("need 0 < initial <= max");
    }
    if (jitter < 0 || jitter >= 1) {
      throw new IllegalArgumentException("jitter must be in [0, 1)");
    }
    this.initialMillis = initial.toMillis();
    this.maxMillis = max.toMillis();
    this.jitter = jitter;
    this.random = random;
  }

  /** The delay before retry number {@code attempt} (0 for the first retry). */
  public synchronized Duration delay(int attempt) {
    int shift = Math.min(Math.max(attempt, 0), 30);
    long capped = Math.min(maxMillis, initialMillis << shift);
    double factor = 1.0 - jitter * random.nextDouble();
    return Duration.ofMillis(Math.max(1, Math.round(capped * factor)));
  }
}
