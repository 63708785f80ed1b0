package dev.bulwark.p2p.scoring;

/**
 * Per-session inbound limits, one budget per priority lane so that bulk gossip can never use up
 * what consensus needs: {@code consensus} covers HIGH types and control frames, {@code gossip}
 * covers LOW types (transaction batches) and frames of unregistered types. Each budget is a pair of
 * token buckets (frames/s and bytes/s, one second's worth of burst). {@code duplicatesPerSecond} is
 * how many already-seen gossip payloads a session may send again per second before each repeat
 * counts as an offence.
 */
public record RateLimits(Budget consensus, Budget gossip, double duplicatesPerSecond) {
  /** Frames and bytes per second of one lane. */
  public record Budget(double framesPerSecond, double bytesPerSecond) {
    /** Validates positivity. */
    public Budget {
      if (framesPerSecond <= 0 || bytesPerSecond <= 0) {
        throw new IllegalArgumentException("rate limits must be positive");
      }
    }
  }

  /** Validates presence and positivity. */
  public RateLimits {
    if (consensus == null || gossip == null) {
      throw new IllegalArgumentException("both lanes need a budget");
    }
    if (duplicatesPerSecond <= 0) {
      throw new IllegalArgumentException("rate limits must be positive");
    }
  }

  /** The same frame and byte budget on both lanes. */
  public RateLimits(double framesPerSecond, double bytesPerSecond, double duplicatesPerSecond) {
    this(new Budget(framesPerSecond, bytesPerSecond), new Budget(framesPerSecond, bytesPerSecond),
        duplicatesPerSecond);
  }

  /**
   * Defaults for a validator link (the p2p README's scoring section shows what honest traffic
   * uses of them): consensus 2,000 frames/s and 16 MiB/s; gossip 1,000 frames/s and 4 MiB/s
   * (transaction batches of up to 256 transactions: an honest 5,000 tx/s burst uses about 0.6 MiB/s
   * and at most ~200 frames/s of it); 200 repeated gossip payloads/s.
   */
  public static RateLimits defaults() {
    return new RateLimits(new Budget(2_000, 16 * 1024 * 1024), new Budget(1_000, 4 * 1024 * 1024),
        200);
  }
}
