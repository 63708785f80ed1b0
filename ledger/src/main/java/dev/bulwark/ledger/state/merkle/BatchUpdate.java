package dev.bulwark.ledger.state.merkle;

import dev.bulwark.ledger.storage.WriteBatch;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * One {@link MerkleStateTree#update}: a single recursive pass over the sorted changed keys. Each
 * subtree receives the contiguous run of changes under its prefix, so every touched node is
 * loaded, rebuilt and hashed exactly once however many changed keys lie below it, and untouched
 * subtrees are never visited.
 */
final class BatchUpdate {
  private final NodeStore nodes;
  private final WriteBatch batch;
  private final Hash[] keys;
  private final Bytes[] values; // null = delete

  BatchUpdate(NodeStore nodes, WriteBatch batch, Map<Hash, Bytes> changes) {
    this.nodes = nodes;
    this.batch = batch;
    this.keys = changes.keySet().toArray(new Hash[0]);
    Arrays.sort(keys);
    this.values = new Bytes[keys.length];
    for (int i = 0; i < keys.length; i++) {
      values[i] = changes.get(keys[i]);
    }
  }

  /** Applies all changes below {@code root} (null = empty tree); returns the new root pointer. */
  ChildRef run(ChildRef root) {
    return apply(root, 0, 0, keys.length);
  }

  /** The subtree {@code ref} at {@code depth} after changes {@code [from, to)}. */
  private ChildRef apply(ChildRef ref, int depth, int from, int to) {
    if (from == to) {
      return ref;
    }
    if (ref == null) {
      return build(depth, from, to, null);
    }
    Node node = nodes.load(ref.hash(), batch);
    if (node instanceof LeafNode leaf) {
      return build(depth, from, to, leaf);
    }
    ChildRef[] children = ((InternalNode) node).children();
    boolean changed = false;
    for (int i = from; i < to; ) {
      int nibble = NodeCodec.nibble(keys[i], depth);
      int end = runEnd(i, to, depth, nibble);
      ChildRef updated = apply(children[nibble], depth + 1, i, end);
      if (!Objects.equals(updated, children[nibble])) {
        children[nibble] = updated;
        changed = true;
      }
      i = end;
    }
    return changed ? internal(children) : ref;
  }

  /**
   * A subtree that so far is empty or the single leaf {@code existing}, after changes
   * {@code [from, to)}: the canonical shape of the merged key set is built directly.
   */
  private ChildRef build(int depth, int from, int to, LeafNode existing) {
    int overridden = existing == null ? -1 : indexOf(existing, from, to);
    LeafNode kept = overridden < 0 ? existing : null;
    int live = kept == null ? 0 : 1;
    int lastLive = -1;
    for (int i = from; i < to; i++) {
      if (values[i] != null) {
        live++;
        lastLive = i;
      }
    }
    if (live == 0) {
      return null;
    }
    if (live == 1) {
      if (kept != null) {
        return kept.ref();
      }
      if (existing != null && lastLive == overridden && existing.value().equals(values[lastLive])) {
        return existing.ref(); // rewrote the same value
      }
      LeafNode leaf = NodeCodec.leaf(keys[lastLive], values[lastLive]);
      nodes.stage(leaf, batch);
      return leaf.ref();
    }
    // Two or more keys remain: they differ below this prefix, so branch on the next nibble.
    ChildRef[] children = new ChildRef[16];
    int keptNibble = kept == null ? -1 : NodeCodec.nibble(kept.key(), depth);
    for (int i = from; i < to; ) {
      int nibble = NodeCodec.nibble(keys[i], depth);
      int end = runEnd(i, to, depth, nibble);
      children[nibble] = build(depth + 1, i, end, nibble == keptNibble ? kept : null);
      i = end;
    }
    // Had changes shared the kept leaf's nibble, build() above received it and never returns
    // null with a live leaf; a null slot there means no change went that way.
    if (keptNibble >= 0 && children[keptNibble] == null) {
      children[keptNibble] = kept.ref();
    }
    return internal(children);
  }

  /** Canonical node over {@code children}: nothing, a lone leaf pulled up, or a new branch. */
  private ChildRef internal(ChildRef[] children) {
    ChildRef only = null;
    int count = 0;
    for (ChildRef child : children) {
      if (child != null) {
        only = child;
        count++;
      }
    }
    if (count == 0) {
      return null;
    }
    if (count == 1 && only.leaf()) {
      return only;
    }
    InternalNode node = NodeCodec.internal(children);
    nodes.stage(node, batch);
    return node.ref();
  }

  /** End of the run of changes from {@code start} whose nibble at {@code depth} is {@code nibble}. */
  private int runEnd(int start, int to, int depth, int nibble) {
    int end = start + 1;
    while (end < to && NodeCodec.nibble(keys[end], depth) == nibble) {
      end++;
    }
    return end;
  }

  private int indexOf(LeafNode leaf, int from, int to) {
    int i = Arrays.binarySearch(keys, from, to, leaf.key());
    return i >= 0 ? i : -1;
  }
}
