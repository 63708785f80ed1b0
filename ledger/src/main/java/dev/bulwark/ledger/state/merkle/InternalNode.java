package dev.bulwark.ledger.state.merkle;

import dev.bulwark.ledger.types.Hash;
import java.util.Arrays;

/**
 * A branch on one nibble of the key: up to 16 children, each a hash plus a leaf flag. The flag
 * lets an update collapse a single remaining leaf upward without reading it.
 */
final class InternalNode implements Node {
  private final byte[] encoding;
  private final Hash hash;

  InternalNode(byte[] encoding, Hash hash) {
    this.encoding = encoding;
    this.hash = hash;
  }

  /** Bit {@code i} set when nibble {@code i} has a child. */
  int childMask() {
    return NodeCodec.childMask(encoding);
  }

  /** Bit {@code i} set when the child at nibble {@code i} is a leaf. */
  int leafMask() {
    return NodeCodec.leafMask(encoding);
  }

  /** The child at {@code nibble}, or null when that slot is empty. */
  ChildRef child(int nibble) {
    int mask = childMask();
    int bit = 1 << nibble;
    if ((mask & bit) == 0) {
      return null;
    }
    int index = Integer.bitCount(mask & (bit - 1));
    int offset = NodeCodec.INTERNAL_HEADER + index * Hash.SIZE;
    return new ChildRef(Hash.of(Arrays.copyOfRange(encoding, offset, offset + Hash.SIZE)),
        (leafMask() & bit) != 0);
  }

  /** All 16 slots as a fresh array (null for empty ones), for an update to modify. */
  ChildRef[] children() {
    ChildRef[] out = new ChildRef[16];
    int mask = childMask();
    int leaves = leafMask();
    int offset = NodeCodec.INTERNAL_HEADER;
    for (int nibble = 0; nibble < 16; nibble++) {
      int bit = 1 << nibble;
      if ((mask & bit) != 0) {
        out[nibble] = new ChildRef(
            Hash.of(Arrays.copyOfRange(encoding, offset, offset + Hash.SIZE)), (leaves & bit) != 0);
        offset += Hash.SIZE;
      }
    }
    return out;
  }

  @Override
  public Hash hash() {
    return hash;
  }

  @Override
  public byte[] encoding() {
    return encoding;
  }
}
