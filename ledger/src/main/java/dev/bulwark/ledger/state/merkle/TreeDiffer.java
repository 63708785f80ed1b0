package dev.bulwark.ledger.state.merkle;

import dev.bulwark.ledger.storage.StorageException;
import dev.bulwark.ledger.storage.WriteBatch;
import dev.bulwark.ledger.types.Hash;
import java.util.HashSet;
import java.util.Set;

/**
 * Computes a {@link TreeDiff} by walking two trees side by side by key path and descending only
 * where the hashes differ, so the cost is that of the nodes an update rewrote, not of the tree.
 *
 * <p>A node found on the differing paths of both trees is in neither side of the diff: a leaf
 * keeps its hash when a sibling's insertion pushes it down or a deletion pulls it up, so it shows
 * on different paths. A node cannot be in the older tree's differing part and in the newer tree
 * outside it: outside, the trees are equal, so it would be in the older tree twice, and no node
 * is (a leaf holds its unique key; an internal node's leaves fix its path).
 */
final class TreeDiffer {
  private final NodeStore nodes;
  private final WriteBatch pending;
  private final Set<Hash> older = new HashSet<>();
  private final Set<Hash> newer = new HashSet<>();

  TreeDiffer(NodeStore nodes, WriteBatch pending) {
    this.nodes = nodes;
    this.pending = pending;
  }

  TreeDiff run(Hash from, Hash to) {
    diff(root(from), isLeaf(from), root(to), isLeaf(to));
    Set<Hash> removed = new HashSet<>(older);
    removed.removeAll(newer);
    Set<Hash> added = new HashSet<>(newer);
    added.removeAll(older);
    return new TreeDiff(removed, added);
  }

  private static Hash root(Hash root) {
    return root.equals(MerkleStateTree.EMPTY_ROOT) ? null : root;
  }

  private boolean isLeaf(Hash root) {
    return root(root) != null && nodes.read(root, pending) instanceof LeafNode;
  }

  private void diff(Hash a, boolean aLeaf, Hash b, boolean bLeaf) {
    if (a != null && a.equals(b)) {
      return;
    }
    InternalNode an = null;
    InternalNode bn = null;
    if (a != null) {
      older.add(a);
      an = aLeaf ? null : internal(a);
    }
    if (b != null) {
      newer.add(b);
      bn = bLeaf ? null : internal(b);
    }
    if (an == null && bn == null) {
      return;
    }
    for (int nibble = 0; nibble < 16; nibble++) {
      Hash ac = an == null ? null : an.childHash(nibble);
      Hash bc = bn == null ? null : bn.childHash(nibble);
      if (ac != null || bc != null) {
        diff(ac, ac != null && an.leafChild(nibble), bc, bc != null && bn.leafChild(nibble));
      }
    }
  }

  private InternalNode internal(Hash hash) {
    if (!(nodes.read(hash, pending) instanceof InternalNode node)) {
      throw new StorageException("state-tree node " + hash
          + " is a leaf where its parent records an internal node");
    }
    return node;
  }
}
