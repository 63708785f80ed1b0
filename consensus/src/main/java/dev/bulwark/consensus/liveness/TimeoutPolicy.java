package dev.bulwark.consensus.liveness;

/**
 * Round timeouts: {@code baseMillis} × {@code multiplier}^k after k consecutive rounds that ended
 * in a timeout, capped at {@code maxMillis} (DESIGN.md section 4: about 1 s, ×1.5, 8 s).
 */
public record TimeoutPolicy(long baseMillis, double multiplier, long maxMillis) {
  /** The design's defaults: 1000 ms, ×1.5, at most 8000 ms. */
  public static final TimeoutPolicy DEFAULT = new TimeoutPolicy(1000, 1.5, 8000);

  public TimeoutPolicy {
    if (baseMillis <= 0 || multiplier < 1.0 || maxMillis < baseMillis) {
      throw new IllegalArgumentException(
          "need 0 < base <= max and multiplier >= 1, got base "
              + baseMillis
              + ", multiplier "
              + multiplier
              + ", max "
              + maxMillis);
    }
  }

  /** The timeout of a round entered after {@code consecutiveTimeouts} timed-out rounds. */
  public long durationMillis(int consecutiveTimeouts) {
    double d = baseMillis;
    for (int i = 0; i < consecutiveTimeouts && d < maxMillis; i++) {
      d *= multiplier;
    }
    return Math.min(maxMillis, (long) d);
  }
}
