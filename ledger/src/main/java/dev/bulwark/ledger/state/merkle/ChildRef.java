package dev.bulwark.ledger.state.merkle;

import dev.bulwark.ledger.types.Hash;
import java.util.Objects;

/**
 * A pointer from an internal node to a child: its hash, for a leaf the leaf's key, and for an
 * internal child the node itself when it is resident in memory. Knowing the key lets an update
 * decide between replacing and splitting a leaf without reading it; holding the node lets it walk
 * down without a lookup by hash.
 */
record ChildRef(Hash hash, Hash leafKey, InternalNode node) {
  ChildRef {
    Objects.requireNonNull(hash, "hash");
    if (leafKey != null && node != null) {
      throw new IllegalArgumentException("a leaf pointer cannot carry an internal node");
    }
  }

  /** Pointer to a leaf, or to a non-resident internal node when {@code leafKey} is null. */
  ChildRef(Hash hash, Hash leafKey) {
    this(hash, leafKey, null);
  }

  /** Pointer to an internal node that is not resident. */
  static ChildRef internal(Hash hash) {
    return new ChildRef(hash, null, null);
  }

  /** True when the child is a leaf. */
  boolean leaf() {
    return leafKey != null;
  }

  /** True when both point at the same content (the hash covers a leaf's key). */
  static boolean same(ChildRef a, ChildRef b) {
    return a == b || a != null && b != null && a.hash.equals(b.hash);
  }
}
