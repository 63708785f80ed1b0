package dev.bulwark.p2p.gossip;

import dev.bulwark.ledger.crypto.Keccak;
import dev.bulwark.ledger.types.Bytes;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids of recently seen gossip payloads, bounded: the least recently seen id is forgotten
 * first, so a payload that comes back after {@code capacity} newer ones is delivered again
 * (upper layers are idempotent on that; the cache only saves work and bandwidth).
 */
public final class SeenCache {
  private final Map<Bytes, Boolean> seen;

  /** A cache remembering at most {@code capacity} ids. */
  public SeenCache(int capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.seen = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Bytes, Boolean> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The id of a gossip payload: keccak256(type ‖ payload). */
  public static Bytes idOf(int type, Bytes payload) {
    return Bytes.of(Keccak.hash256(new byte[] {(byte) (type >>> 8), (byte) type}, payload.toArray()));
  }

  /** Records {@code id}; true when it was not seen before. */
  public synchronized boolean markSeen(Bytes id) {
    return seen.put(id, Boolean.TRUE) == null;
  }

  /** Number of remembered ids. */
  public synchronized int size() {
    return seen.size();
  }
}
