package dev.bulwark.p2p.scoring;

/**
 * Per-session inbound limits: frames/s and bytes/s (token buckets whose burst is one second's
 * worth), and how many already-seen gossip payloads per second are tolerated before they count as
 * an offence (in a full mesh every peer forwards the same batch, so some duplicates are normal).
 */
public record RateLimits(double framesPerSecond, double bytesPerSecond, double duplicatesPerSecond) {
  /** Validates positivity. */
  public RateLimits {
    if (framesPerSecond <= 0 || bytesPerSecond <= 0 || duplicatesPerSecond <= 0) {
      throw new IllegalArgumentException("rate limits must be positive");
    }
  }

  /** Generous defaults for a validator link: 2,000 frames/s, 16 MiB/s, 200 duplicates/s. */
  public static RateLimits defaults() {
    return new RateLimits(2_000, 16 * 1024 * 1024, 200);
  }
}
