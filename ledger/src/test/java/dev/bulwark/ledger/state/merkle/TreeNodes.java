package dev.bulwark.ledger.state.merkle;

import dev.bulwark.ledger.storage.KeyPrefix;
import dev.bulwark.ledger.storage.KeyValueStore;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Test access to whole trees straight from a store, bypassing every in-memory node. */
public final class TreeNodes {
  private TreeNodes() {}

  /** Every node hash of the tree at {@code root}; MissingNodeException when one is not stored. */
  public static Set<Hash> nodes(KeyValueStore store, Hash root) {
    Set<Hash> out = new HashSet<>();
    walk(store, root, out, null);
    return out;
  }

  /** Every key and value of the tree at {@code root}, read node by node from {@code store}. */
  public static Map<Hash, Bytes> leaves(KeyValueStore store, Hash root) {
    Map<Hash, Bytes> out = new TreeMap<>((a, b) -> a.bytes().compareTo(b.bytes()));
    walk(store, root, new HashSet<>(), out);
    return out;
  }

  private static void walk(KeyValueStore store, Hash hash, Set<Hash> seen, Map<Hash, Bytes> leaves) {
    if (hash.equals(MerkleStateTree.EMPTY_ROOT)) {
      return;
    }
    seen.add(hash);
    Bytes raw = store.get(KeyPrefix.STATE_NODE.key(hash.bytes())).orElseThrow(
        () -> new MissingNodeException("state-tree node " + hash + " is not stored"));
    Node node = NodeCodec.decodeStored(raw.toArray(), hash);
    if (node instanceof LeafNode leaf) {
      if (leaves != null) {
        leaves.put(leaf.key(), leaf.value());
      }
      return;
    }
    InternalNode internal = (InternalNode) node;
    for (int nibble = 0; nibble < 16; nibble++) {
      Hash child = internal.childHash(nibble);
      if (child != null) {
        walk(store, child, seen, leaves);
      }
    }
  }
}
