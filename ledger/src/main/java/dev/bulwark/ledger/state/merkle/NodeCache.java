package dev.bulwark.ledger.state.merkle;

import dev.bulwark.ledger.types.Hash;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bounded least-recently-used map of decoded nodes by hash (the recent roots). Nodes are immutable
 * and content addressed, so a kept node is never stale.
 */
final class NodeCache {
  private final Map<Hash, Node> map;

  NodeCache(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("cache capacity must be >= 0: " + capacity);
    }
    this.map = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<Hash, Node> eldest) {
        return size() > capacity;
      }
    };
  }

  synchronized Node get(Hash hash) {
    return map.get(hash);
  }

  synchronized void put(Node node) {
    map.put(node.hash(), node);
  }
}
