package dev.bulwark.ledger.state.merkle;

import dev.bulwark.ledger.types.Hash;
import java.util.Objects;

/**
 * A pointer from an internal node to a child: its hash and, for a leaf, the leaf's key. Knowing
 * the key lets an update decide between replacing and splitting a leaf without reading it.
 */
record ChildRef(Hash hash, Hash leafKey) {
  ChildRef {
    Objects.requireNonNull(hash, "hash");
  }

  /** Pointer to an internal node. */
  static ChildRef internal(Hash hash) {
    return new ChildRef(hash, null);
  }

  /** True when the child is a leaf. */
  boolean leaf() {
    return leafKey != null;
  }
}
