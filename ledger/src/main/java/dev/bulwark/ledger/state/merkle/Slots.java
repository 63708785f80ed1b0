package dev.bulwark.ledger.state.merkle;

import dev.bulwark.ledger.types.Hash;
import java.util.Arrays;

/**
 * A mutable working copy of an internal node's 16 slots while an update rebuilds it: the old node
 * as a base plus the slots that changed. Nothing of the base is copied until the new node is
 * encoded, and then, when no slot was added or emptied, its bytes are copied in one piece and
 * only the changed hashes are patched: at a million keys most rewritten nodes are full (16
 * children, 15 of them leaves with stored keys), and most of them change one child.
 */
final class Slots {
  private final ChildRef[] changed = new ChildRef[16];
  private InternalNode base; // null: every slot is in changed[]
  private int changedMask; // slots read from changed[] rather than base
  private int mask;
  private int leafMask;

  /** Slots of {@code node}. */
  static Slots of(InternalNode node) {
    return new Slots().load(node);
  }

  /** Empties every slot, for reuse. */
  Slots clear() {
    base = null;
    Arrays.fill(changed, null);
    changedMask = 0xffff;
    mask = 0;
    leafMask = 0;
    return this;
  }

  /** Replaces the content with {@code node}'s slots, for reuse. */
  Slots load(InternalNode node) {
    base = node;
    changedMask = 0;
    mask = node.mask();
    leafMask = node.leafMask();
    return this;
  }

  /** The child at {@code nibble} (with its resident node, if any), or null. */
  ChildRef get(int nibble) {
    int bit = 1 << nibble;
    if ((mask & bit) == 0) {
      return null;
    }
    return (changedMask & bit) != 0 ? changed[nibble] : base.child(nibble);
  }

  /** Puts {@code child} (null to empty the slot) at {@code nibble}. */
  void set(int nibble, ChildRef child) {
    int bit = 1 << nibble;
    changed[nibble] = child;
    changedMask |= bit;
    if (child == null) {
      mask &= ~bit;
      leafMask &= ~bit;
      return;
    }
    mask |= bit;
    leafMask = child.leaf() ? leafMask | bit : leafMask & ~bit;
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

  /**
   * The stored bytes of the node over these slots: its encoding ({@code encodingLength} bytes),
   * then the keys of its leaf children.
   */
  byte[] stored(int encodingLength) {
    int length = encodingLength + Integer.bitCount(leafMask) * Hash.SIZE;
    if (base != null && base.mask() == mask && base.leafMask() == leafMask) {
      // Same shape as the old node: every slot keeps its offset, so patch the changed ones.
      byte[] stored = Arrays.copyOf(base.stored(), length);
      for (int m = changedMask & mask; m != 0; m &= m - 1) {
        int nibble = Integer.numberOfTrailingZeros(m);
        write(changed[nibble], stored, base.hashOffset(nibble), base.leafKeyOffset(nibble));
      }
      return stored;
    }
    byte[] stored = new byte[length];
    stored[0] = NodeCodec.INTERNAL_TAG;
    stored[1] = (byte) (mask >>> 8);
    stored[2] = (byte) mask;
    stored[3] = (byte) (leafMask >>> 8);
    stored[4] = (byte) leafMask;
    int offset = NodeCodec.INTERNAL_HEADER;
    int keyOffset = encodingLength;
    for (int m = mask; m != 0; m &= m - 1) {
      int nibble = Integer.numberOfTrailingZeros(m);
      boolean leaf = (leafMask & 1 << nibble) != 0;
      if ((changedMask & 1 << nibble) != 0) {
        write(changed[nibble], stored, offset, keyOffset);
      } else {
        byte[] old = base.stored();
        System.arraycopy(old, base.hashOffset(nibble), stored, offset, Hash.SIZE);
        if (leaf) {
          System.arraycopy(old, base.leafKeyOffset(nibble), stored, keyOffset, Hash.SIZE);
        }
      }
      offset += Hash.SIZE;
      if (leaf) {
        keyOffset += Hash.SIZE;
      }
    }
    return stored;
  }

  /** Makes {@code node}, built over these slots, hold the resident children they carry. */
  void keepChildren(InternalNode node) {
    for (int m = mask & ~leafMask; m != 0; m &= m - 1) {
      int nibble = Integer.numberOfTrailingZeros(m);
      InternalNode child =
          (changedMask & 1 << nibble) != 0 ? changed[nibble].node() : base.resident(nibble);
      if (child != null) {
        node.keep(nibble, child);
      }
    }
  }

  private static void write(ChildRef child, byte[] stored, int hashOffset, int keyOffset) {
    child.hash().bytes().copyTo(stored, hashOffset);
    if (child.leaf()) {
      child.leafKey().bytes().copyTo(stored, keyOffset);
    }
  }
}
