package dev.bulwark.ledger.state.merkle;

import dev.bulwark.ledger.types.Hash;

/** A tree node: its canonical encoding and the keccak256 of that encoding, its identity. */
sealed interface Node permits LeafNode, InternalNode {
  /** keccak256 of {@link #encoding()}. */
  Hash hash();

  /** The canonical bytes stored under the hash (see {@link NodeCodec}); do not modify. */
  byte[] encoding();

  /** This node as a child pointer. */
  default ChildRef ref() {
    return new ChildRef(hash(), this instanceof LeafNode);
  }
}
