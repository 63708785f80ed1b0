package dev.bulwark.p2p.scoring;

import dev.bulwark.p2p.transport.Priority;
import java.time.Clock;

/** One session's inbound token buckets: frames and bytes per lane, and repeated gossip. */
public final class InboundLimiter {
  private final Lane consensus;
  private final Lane gossip;
  private final TokenBucket duplicates;

  /** The frame and byte buckets of one lane. */
  private record Lane(TokenBucket frames, TokenBucket bytes) {
    static Lane of(RateLimits.Budget budget, int maxWireFrameSize, Clock clock) {
      return new Lane(new TokenBucket(budget.framesPerSecond(), budget.framesPerSecond(), clock),
          new TokenBucket(Math.max(budget.bytesPerSecond(), maxWireFrameSize),
              budget.bytesPerSecond(), clock));
    }

    boolean admit(int size) {
      return frames.tryTake(1) && bytes.tryTake(size);
    }
  }

  /**
   * Buckets for {@code limits}, each starting full with one second of burst; a byte bucket holds
   * at least one maximum-size frame, else such a frame could never pass.
   */
  public InboundLimiter(RateLimits limits, int maxWireFrameSize, Clock clock) {
    this.consensus = Lane.of(limits.consensus(), maxWireFrameSize, clock);
    this.gossip = Lane.of(limits.gossip(), maxWireFrameSize, clock);
    this.duplicates = new TokenBucket(limits.duplicatesPerSecond(), limits.duplicatesPerSecond(), clock);
  }

  /**
   * True when a frame of {@code size} wire bytes fits the frame and byte budget of {@code lane}
   * (HIGH: consensus and control; LOW: gossip), which it then uses; the other lane is untouched.
   */
  public boolean admitFrame(Priority lane, int size) {
    return (lane == Priority.HIGH ? consensus : gossip).admit(size);
  }

  /** True while already-seen gossip stays within the tolerated duplicate rate. */
  public boolean admitDuplicate() {
    return duplicates.tryTake(1);
  }
}
