package dev.bulwark.ledger.state.merkle;

import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;

/**
 * A mutable working copy of an internal node's 16 slots while an update rebuilds it. Unchanged
 * children stay as bytes copied from the old node, so rewriting a node allocates only for the
 * slots that actually change.
 */
final class Slots {
  private final byte[] hashes = new byte[16 * Hash.SIZE];
  private final byte[] leafKeys = new byte[16 * Hash.SIZE];
  private int mask;
  private int leafMask;

  /** Slots of {@code node}. */
  static Slots of(InternalNode node) {
    return new Slots().load(node);
  }

  /** Empties every slot, for reuse. */
  Slots clear() {
    mask = 0;
    leafMask = 0;
    return this;
  }

  /** Replaces the content with {@code node}'s slots, for reuse. */
  Slots load(InternalNode node) {
    byte[] stored = node.stored();
    mask = NodeCodec.childMask(stored);
    leafMask = NodeCodec.leafMask(stored);
    int offset = NodeCodec.INTERNAL_HEADER;
    int keyOffset = node.encodingLength();
    for (int nibble = 0; nibble < 16; nibble++) {
      int bit = 1 << nibble;
      if ((mask & bit) != 0) {
        System.arraycopy(stored, offset, hashes, nibble * Hash.SIZE, Hash.SIZE);
        offset += Hash.SIZE;
        if ((leafMask & bit) != 0) {
          System.arraycopy(stored, keyOffset, leafKeys, nibble * Hash.SIZE, Hash.SIZE);
          keyOffset += Hash.SIZE;
        }
      }
    }
    return this;
  }

  /** The child at {@code nibble}, or null. */
  ChildRef get(int nibble) {
    int bit = 1 << nibble;
    if ((mask & bit) == 0) {
      return null;
    }
    Hash hash = new Hash(Bytes.of(hashes, nibble * Hash.SIZE, Hash.SIZE));
    return (leafMask & bit) == 0
        ? ChildRef.internal(hash)
        : new ChildRef(hash, new Hash(Bytes.of(leafKeys, nibble * Hash.SIZE, Hash.SIZE)));
  }

  /** Puts {@code child} (null to empty the slot) at {@code nibble}. */
  void set(int nibble, ChildRef child) {
    int bit = 1 << nibble;
    if (child == null) {
      mask &= ~bit;
      leafMask &= ~bit;
      return;
    }
    mask |= bit;
    child.hash().bytes().copyTo(hashes, nibble * Hash.SIZE);
    if (child.leaf()) {
      leafMask |= bit;
      child.leafKey().bytes().copyTo(leafKeys, nibble * Hash.SIZE);
    } else {
      leafMask &= ~bit;
    }
  }

  int mask() {
    return mask;
  }

  int leafMask() {
    return leafMask;
  }

  /** Number of non-empty slots. */
  int count() {
    return Integer.bitCount(mask);
  }

  /** The lowest non-empty slot's child; with {@link #count()} == 1, the only one. */
  ChildRef first() {
    return mask == 0 ? null : get(Integer.numberOfTrailingZeros(mask));
  }

  /** Copies the hash at {@code nibble} into {@code dst}. */
  void copyHash(int nibble, byte[] dst, int offset) {
    System.arraycopy(hashes, nibble * Hash.SIZE, dst, offset, Hash.SIZE);
  }

  /** Copies the leaf key at {@code nibble} into {@code dst}. */
  void copyLeafKey(int nibble, byte[] dst, int offset) {
    System.arraycopy(leafKeys, nibble * Hash.SIZE, dst, offset, Hash.SIZE);
  }
}
