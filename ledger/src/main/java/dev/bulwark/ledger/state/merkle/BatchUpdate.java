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
  // One working copy per depth: a recursion uses one per level, so they are reused, not allocated.
  private final Slots[] slotsByDepth = new Slots[2 * Hash.SIZE + 1];

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
    if (ref == null || ref.leaf()) {
      return build(depth, from, to, ref);
    }
    Node node = nodes.load(ref.hash(), batch);
    if (node instanceof LeafNode leaf) {
      return build(depth, from, to, leaf.ref()); // only the root is referenced without its type
    }
    Slots slots = slots(depth).load((InternalNode) node);
    boolean changed = false;
    for (int i = from; i < to; ) {
      int nibble = NodeCodec.nibble(keys[i], depth);
      int end = runEnd(i, to, depth, nibble);
      ChildRef before = slots.get(nibble);
      ChildRef after = apply(before, depth + 1, i, end);
      if (!Objects.equals(before, after)) {
        slots.set(nibble, after);
        changed = true;
      }
      i = end;
    }
    if (!changed) {
      return ref;
    }
    // The replaced version is only needed to read old roots: keep the cache for the live tree.
    nodes.evict(ref.hash());
    return internal(slots);
  }

  /**
   * A subtree that so far is empty or the single leaf {@code existing}, after changes
   * {@code [from, to)}: the canonical shape of the merged key set is built directly. The
   * existing leaf is never read: its pointer carries its key, and it keeps its hash wherever
   * it ends up.
   */
  private ChildRef build(int depth, int from, int to, ChildRef existing) {
    boolean overridden =
        existing != null && Arrays.binarySearch(keys, from, to, existing.leafKey()) >= 0;
    ChildRef kept = overridden ? null : existing;
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
        return kept;
      }
      LeafNode leaf = NodeCodec.leaf(keys[lastLive], values[lastLive]);
      if (existing != null && leaf.hash().equals(existing.hash())) {
        return existing; // the same value rewritten: nothing to store
      }
      nodes.stage(leaf, batch);
      return leaf.ref();
    }
    // Two or more keys remain: they differ below this prefix, so branch on the next nibble.
    Slots slots = slots(depth).clear();
    int keptNibble = kept == null ? -1 : NodeCodec.nibble(kept.leafKey(), depth);
    for (int i = from; i < to; ) {
      int nibble = NodeCodec.nibble(keys[i], depth);
      int end = runEnd(i, to, depth, nibble);
      slots.set(nibble, build(depth + 1, i, end, nibble == keptNibble ? kept : null));
      i = end;
    }
    // Had changes shared the kept leaf's nibble, build() above received it and never returns
    // null with a live leaf; a null slot there means no change went that way.
    if (keptNibble >= 0 && slots.get(keptNibble) == null) {
      slots.set(keptNibble, kept);
    }
    return internal(slots);
  }

  /** Canonical node over {@code slots}: nothing, a lone leaf pulled up, or a new branch. */
  private ChildRef internal(Slots slots) {
    int count = slots.count();
    if (count == 0) {
      return null;
    }
    if (count == 1) {
      ChildRef only = slots.first();
      if (only.leaf()) {
        return only;
      }
    }
    InternalNode node = NodeCodec.internal(slots);
    nodes.stage(node, batch);
    return node.ref();
  }

  private Slots slots(int depth) {
    Slots s = slotsByDepth[depth];
    if (s == null) {
      s = new Slots();
      slotsByDepth[depth] = s;
    }
    return s;
  }

  /** End of the run of changes from {@code start} whose nibble at {@code depth} is {@code nibble}. */
  private int runEnd(int start, int to, int depth, int nibble) {
    int end = start + 1;
    while (end < to && NodeCodec.nibble(keys[end], depth) == nibble) {
      end++;
    }
    return end;
  }
}
