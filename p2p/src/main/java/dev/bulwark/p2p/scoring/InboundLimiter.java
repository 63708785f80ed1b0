package dev.bulwark.p2p.scoring;

import java.time.Clock;

/** One session's inbound token buckets. */
public final class InboundLimiter {
  private final TokenBucket frames;
  private final TokenBucket bytes;
  private final TokenBucket duplicates;

  /**
   * Buckets for {@code limits}, each starting full with one second of burst; the byte bucket
   * holds at least one maximum-size frame, else such a frame could never pass.
   */
  public InboundLimiter(RateLimits limits, int maxWireFrameSize, Clock clock) {
    this.frames = new TokenBucket(limits.framesPerSecond(), limits.framesPerSecond(), clock);
    this.bytes = new TokenBucket(
        Math.max(limits.bytesPerSecond(), maxWireFrameSize), limits.bytesPerSecond(), clock);
    this.duplicates = new TokenBucket(limits.duplicatesPerSecond(), limits.duplicatesPerSecond(), clock);
  }

  /** True when a frame of {@code size} wire bytes fits both the frame and the byte budget. */
  public boolean admitFrame(int size) {
    return frames.tryTake(1) && bytes.tryTake(size);
  }

  /** True while already-seen gossip stays within the tolerated duplicate rate. */
  public boolean admitDuplicate() {
    return duplicates.tryTake(1);
  }
}
