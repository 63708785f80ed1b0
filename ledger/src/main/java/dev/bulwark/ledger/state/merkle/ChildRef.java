package dev.bulwark.ledger.state.merkle;

import dev.bulwark.ledger.types.Hash;
import java.util.Objects;

/** A pointer from an internal node to a child: its hash and whether it is a leaf. */
record ChildRef(Hash hash, boolean leaf) {
  ChildRef {
    Objects.requireNonNull(hash, "hash");
  }
}
