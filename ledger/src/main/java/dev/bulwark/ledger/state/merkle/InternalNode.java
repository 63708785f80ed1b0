package dev.bulwark.ledger.state.merkle;

import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.util.Arrays;

/**
 * A branch on one nibble of the key: up to 16 children, each a hash plus a leaf flag (hashed),
 * and, stored after the hashed encoding but not hashed, the keys of its leaf children. The flag
 * lets an update pull a lone leaf up and the keys let it place a new key next to a leaf, both
 * without reading the leaf: at a million keys that saves one store read per changed key.
 */
final class InternalNode implements Node {
  private final byte[] stored; // encoding, then 32 bytes per leaf child in nibble order
  private final int encodingLength;
  private final Hash hash;

  InternalNode(byte[] stored, int encodingLength, Hash hash) {
    this.stored = stored;
    this.encodingLength = encodingLength;
    this.hash = hash;
  }

  /** The child at {@code nibble}, or null when that slot is empty (stored nodes only). */
  ChildRef child(int nibble) {
    Hash childHash = childHash(nibble);
    if (childHash == null || !leafChild(nibble)) {
      return childHash == null ? null : ChildRef.internal(childHash);
    }
    int leaves = NodeCodec.leafMask(stored);
    int offset = encodingLength + Integer.bitCount(leaves & ((1 << nibble) - 1)) * Hash.SIZE;
    return new ChildRef(childHash, new Hash(Bytes.of(stored, offset, Hash.SIZE)));
  }

  /** Hash of the child at {@code nibble} or null; needs no leaf keys (works on proof nodes). */
  Hash childHash(int nibble) {
    int mask = NodeCodec.childMask(stored);
    int bit = 1 << nibble;
    if ((mask & bit) == 0) {
      return null;
    }
    int offset = NodeCodec.INTERNAL_HEADER + Integer.bitCount(mask & (bit - 1)) * Hash.SIZE;
    return new Hash(Bytes.of(stored, offset, Hash.SIZE));
  }

  /** True when the leaf child at {@code nibble} (stored nodes only) has key {@code key}. */
  boolean leafKeyEquals(int nibble, Hash key) {
    int leaves = NodeCodec.leafMask(stored);
    int offset = encodingLength + Integer.bitCount(leaves & ((1 << nibble) - 1)) * Hash.SIZE;
    Bytes k = key.bytes();
    for (int i = 0; i < Hash.SIZE; i++) {
      if (stored[offset + i] != k.get(i)) {
        return false;
      }
    }
    return true;
  }

  /** True when the slot at {@code nibble} holds a leaf. */
  boolean leafChild(int nibble) {
    return (NodeCodec.leafMask(stored) & 1 << nibble) != 0;
  }

  /** The stored bytes, shared: callers must not modify them. */
  byte[] stored() {
    return stored;
  }

  /** Length of the hashed prefix of {@link #stored()}. */
  @Override
  public int encodingLength() {
    return encodingLength;
  }

  @Override
  public Hash hash() {
    return hash;
  }

  @Override
  public byte[] encoding() {
    return encodingLength == stored.length ? stored : Arrays.copyOf(stored, encodingLength);
  }

  @Override
  public byte[] storedBytes() {
    return stored;
  }

  @Override
  public ChildRef ref() {
    return ChildRef.internal(hash);
  }
}
