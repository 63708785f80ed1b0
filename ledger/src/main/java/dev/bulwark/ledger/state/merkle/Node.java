package dev.bulwark.ledger.state.merkle;

import dev.bulwark.ledger.types.Hash;

/** A tree node: its canonical encoding and the SHA-256 of that encoding, its identity. */
sealed interface Node permits LeafNode, InternalNode {
  /** SHA-256 of {@link #encoding()} (see {@link NodeCodec} for why not keccak256). */
  Hash hash();

  /** The canonical bytes that are hashed and go into proofs (see {@link NodeCodec}). */
  byte[] encoding();

  /** Length of {@link #encoding()}, without copying it. */
  int encodingLength();

  /** The bytes stored under the hash: the encoding plus any local, unhashed index data. */
  byte[] storedBytes();

  /** This node as a child pointer. */
  ChildRef ref();
}
