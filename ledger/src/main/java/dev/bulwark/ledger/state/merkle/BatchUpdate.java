package dev.bulwark.ledger.state.merkle;

import dev.bulwark.ledger.storage.WriteBatch;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.util.Arrays;
import java.util.Map;

/**
 * One {@link MerkleStateTree#update}: a single recursive pass over the sorted changed keys. Each
 * subtree receives the contiguous run of changes under its prefix, so every touched node is
 * visited, rebuilt and hashed exactly once however many changed keys lie below it, and untouched
 * subtrees are never visited. It walks the resident tree by pointer and reads only the nodes that
 * are not resident; the nodes it builds are resident in turn (see {@link NodeStore}).
 */
final class BatchUpdate {
  private final NodeStore nodes;
  private final WriteBatch batch;
  private final Hash[] keys;
  private final Bytes[] values; // null = delete
  // One working copy per depth: a recursion uses one per level, so they are reused, not allocated.
  private final Slots[] slotsByDepth = new Slots[2 * Hash.SIZE + 1];
  private long residentDelta;
  private long visited;
  private long staged;
  private long hashBlocks;

  BatchUpdate(NodeStore nodes, WriteBatch batch, Map<Hash, Bytes> changes) {
    this.nodes = nodes;
    this.batch = batch;
    int n = changes.size();
    Hash[] unsortedKeys = new Hash[n];
    Bytes[] unsortedValues = new Bytes[n];
    int at = 0;
    for (Map.Entry<Hash, Bytes> e : changes.entrySet()) {
      unsortedKeys[at] = e.getKey();
      unsortedValues[at] = e.getValue();
      at++;
    }
    int[] order = KeyOrder.of(unsortedKeys);
    this.keys = new Hash[n];
    this.values = new Bytes[n];
    for (int i = 0; i < n; i++) {
      keys[i] = unsortedKeys[order[i]];
      values[i] = unsortedValues[order[i]];
    }
  }

  /**
   * Applies all changes to the tree {@code root} (null = empty tree) and returns the new root
   * pointer (carrying the new root node when it is internal).
   */
  ChildRef run(Hash root) {
    ChildRef updated;
    if (root == null) {
      updated = build(0, 0, keys.length, null);
    } else {
      // A root that is not resident is read from the store; the latest resident tree then serves
      // every subtree the two share (see NodeStore#child), so such an update reads little.
      NodeStore.Start start = nodes.start(root, batch, true);
      updated = start.node() instanceof InternalNode internal
          ? update(internal, start.shadow(), nodes.residentAt(0), 0, 0, keys.length)
          : build(0, 0, keys.length, start.node().ref());
    }
    nodes.residentChanged(residentDelta);
    nodes.visited(visited);
    nodes.written(staged, hashBlocks);
    return updated;
  }

  /**
   * The subtree of internal node {@code node} at {@code depth} after changes {@code [from, to)};
   * {@code shadow} is the node at the same path in the latest resident tree, or null;
   * {@code resident} tells whether {@code node} is counted as resident.
   */
  private ChildRef update(
      InternalNode node, InternalNode shadow, boolean resident, int depth, int from, int to) {
    visited++;
    Slots slots = slots(depth).load(node);
    boolean changed = false;
    for (int i = from; i < to; ) {
      int nibble = NodeCodec.nibble(keys[i], depth);
      int end = runEnd(i, to, depth, nibble);
      if (end == i + 1 && node.leafChild(nibble) && node.leafKeyEquals(nibble, keys[i])) {
        // The common case in a large tree: the one changed key below this slot is its leaf's.
        if (values[i] == null) {
          slots.set(nibble, null);
          changed = true;
        } else {
          LeafNode leaf = NodeCodec.leaf(keys[i], values[i]);
          if (!node.childHashEquals(nibble, leaf.hash())) {
            stage(leaf);
            slots.set(nibble, new ChildRef(leaf.hash(), keys[i]));
            changed = true;
          }
        }
        i = end;
        continue;
      }
      if (node.internalChild(nibble)) {
        InternalNode child = nodes.child(node, shadow, depth, nibble, batch, true);
        InternalNode nextShadow = shadow == null ? null : shadow.resident(nibble);
        boolean childResident = node.resident(nibble) == child;
        ChildRef after = update(child, nextShadow, childResident, depth + 1, i, end);
        if (after == null || after.node() != child) { // update() hands back child when unchanged
          slots.set(nibble, after);
          changed = true;
        }
      } else {
        ChildRef before = slots.get(nibble); // an empty slot or a leaf
        ChildRef after = build(depth + 1, i, end, before);
        if (!ChildRef.same(before, after)) {
          slots.set(nibble, after);
          changed = true;
        }
      }
      i = end;
    }
    if (!changed) {
      return node.ref();
    }
    ChildRef rebuilt = internal(slots, depth);
    if (rebuilt == null || rebuilt.leaf()) {
      if (resident) {
        residentDelta--; // the node collapsed away
      }
    } else if (!resident) {
      // Not kept before (a partial level's overflow, or below the resident levels): nor is the
      // new version, so the count stays true and the parent does not hold it.
      rebuilt = ChildRef.internal(rebuilt.hash());
    }
    return rebuilt;
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
      stage(leaf);
      return new ChildRef(leaf.hash(), keys[lastLive]);
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
    ChildRef built = internal(slots, depth);
    if (built != null && !built.leaf() && nodes.residentAt(depth)) {
      residentDelta++; // a new internal node where there was at most a leaf
    }
    return built;
  }

  /** Canonical node over {@code slots}: nothing, a lone leaf pulled up, or a new branch. */
  private ChildRef internal(Slots slots, int depth) {
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
    if (nodes.keepsChildrenAt(depth)) {
      slots.keepChildren(node);
    }
    stage(node);
    return node.ref();
  }

  private void stage(Node node) {
    nodes.stage(node, batch);
    staged++;
    hashBlocks += NodeCodec.hashBlocks(node.encodingLength());
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
