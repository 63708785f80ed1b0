package dev.bulwark.consensus.round;

import dev.bulwark.consensus.message.EpochMessage;
import dev.bulwark.consensus.message.PeerId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Messages of epochs this node has not reached yet, kept (a bounded number per peer) until the
 * epoch starts, then replayed in arrival order per peer.
 */
final class FutureBuffer {
  private final int perPeer;
  private final Map<PeerId, Deque<EpochMessage>> byPeer = new TreeMap<>();

  /** A buffered message and the peer it came from. */
  record Buffered(PeerId from, EpochMessage message) {}

  FutureBuffer(int perPeer) {
    this.perPeer = perPeer;
  }

  /** Buffers {@code message}; false (nothing stored) when the peer's share is full. */
  boolean add(PeerId from, EpochMessage message) {
    Deque<EpochMessage> q = byPeer.computeIfAbsent(from, p -> new ArrayDeque<>());
    if (q.size() >= perPeer) {
      return false;
    }
    q.addLast(message);
    return true;
  }

  /** Removes and returns the messages of {@code epoch}; drops older ones, keeps newer ones. */
  List<Buffered> drain(long epoch) {
    List<Buffered> out = new ArrayList<>();
    for (Map.Entry<PeerId, Deque<EpochMessage>> e : byPeer.entrySet()) {
      Deque<EpochMessage> keep = new ArrayDeque<>();
      for (EpochMessage m : e.getValue()) {
        if (m.epoch() == epoch) {
          out.add(new Buffered(e.getKey(), m));
        } else if (m.epoch() > epoch) {
          keep.addLast(m);
        }
      }
      e.setValue(keep);
    }
    byPeer.values().removeIf(Deque::isEmpty);
    return out;
  }

  /** Number of buffered messages. */
  int size() {
    return byPeer.values().stream().mapToInt(Deque::size).sum();
  }
}
