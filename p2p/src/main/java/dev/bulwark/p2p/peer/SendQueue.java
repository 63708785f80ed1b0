package dev.bulwark.p2p.peer;

import dev.bulwark.p2p.transport.Frame;
import dev.bulwark.p2p.transport.Priority;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Map;

/**
 * A session's outgoing frames, one bounded FIFO per {@link Priority}. HIGH is always drained
 * first. A full class drops its own oldest frame (stale gossip, or a consensus message the
 * pacemaker re-sends anyway) rather than blocking the producer or growing without bound.
 */
public final class SendQueue {
  private static final class Lane {
    final ArrayDeque<Frame> frames = new ArrayDeque<>();
    final int maxFrames;
    final long maxBytes;
    long bytes;

    Lane(int maxFrames, long maxBytes) {
      this.maxFrames = maxFrames;
      this.maxBytes = maxBytes;
    }
  }

  private final Map<Priority, Lane> lanes = new EnumMap<>(Priority.class);

  /** Each lane holds at most {@code maxFrames} frames and {@code maxBytes} bytes. */
  public SendQueue(int maxFrames, long maxBytes) {
    if (maxFrames <= 0 || maxBytes <= 0) {
      throw new IllegalArgumentException("queue bounds must be positive");
    }
    for (Priority p : Priority.values()) {
      lanes.put(p, new Lane(maxFrames, maxBytes));
    }
  }

  /** Enqueues {@code frame}; returns how many older frames of its class were dropped for it. */
  public synchronized int offer(Frame frame, Priority priority) {
    Lane lane = lanes.get(priority);
    int dropped = 0;
    while (!lane.frames.isEmpty()
        && (lane.frames.size() >= lane.maxFrames || lane.bytes + frame.wireSize() > lane.maxBytes)) {
      lane.bytes -= lane.frames.removeFirst().wireSize();
      dropped++;
    }
    lane.frames.addLast(frame);
    lane.bytes += frame.wireSize();
    return dropped;
  }

  /** The next frame to write, HIGH before LOW, or null when empty. */
  public synchronized Frame poll() {
    for (Lane lane : lanes.values()) {
      Frame frame = lane.frames.pollFirst();
      if (frame != null) {
        lane.bytes -= frame.wireSize();
        return frame;
      }
    }
    return null;
  }

  /** Frames waiting in {@code priority}'s lane. */
  public synchronized int size(Priority priority) {
    return lanes.get(priority).frames.size();
  }
}
