package dev.bulwark.consensus.sim;

/**
 * How links behave. Before GST a message is lost with probability {@code lossBeforeGst} and delayed
 * uniformly in [minDelay, maxDelayBeforeGst] (wide delays reorder messages); from GST on nothing is
 * lost and delays stay within [minDelay, maxDelay]. Any message is duplicated with probability
 * {@code duplicate}.
 */
public record NetworkSpec(
    long minDelay, long maxDelay, long maxDelayBeforeGst, double lossBeforeGst, double duplicate) {
  /** A calm network: 5–40 ms, nothing lost or duplicated. */
  public static final NetworkSpec CALM = new NetworkSpec(5, 40, 40, 0, 0);

  public NetworkSpec {
    if (minDelay < 0
        || maxDelay < minDelay
        || maxDelayBeforeGst < minDelay
        || lossBeforeGst < 0
        || lossBeforeGst >= 1
        || duplicate < 0
        || duplicate >= 1) {
      throw new IllegalArgumentException("invalid network spec");
    }
  }
}
