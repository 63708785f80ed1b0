package dev.bulwark.ledger.state.merkle;

import dev.bulwark.ledger.codec.DecodeException;
import dev.bulwark.ledger.crypto.Keccak;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;

/**
 * The node wire format, hashed for the root and stored under the hash:
 *
 * <pre>
 * leaf:     0x00 | key (32) | value (rest)
 * internal: 0x01 | childMask (2, big-endian) | leafMask (2) | child hash (32) per set childMask
 *           bit, in nibble order
 * </pre>
 *
 * The tag byte separates the two domains, so no leaf hash can pass for an internal one. Decoding
 * is strict and rejects non-canonical internal nodes (one leaf child, leaf bits without a child),
 * because a proof carries nodes from an untrusted peer.
 */
final class NodeCodec {
  static final byte LEAF_TAG = 0x00;
  static final byte INTERNAL_TAG = 0x01;
  static final int INTERNAL_HEADER = 5;
  private static final int LEAF_HEADER = 1 + Hash.SIZE;

  private NodeCodec() {}

  /** The leaf holding {@code key -> value}. */
  static LeafNode leaf(Hash key, Bytes value) {
    byte[] enc = new byte[LEAF_HEADER + value.size()];
    enc[0] = LEAF_TAG;
    key.bytes().copyTo(enc, 1);
    value.copyTo(enc, LEAF_HEADER);
    return new LeafNode(enc, Hash.of(Keccak.hash256(enc)));
  }

  /** The internal node over the 16 slots of {@code children} (null for empty slots). */
  static InternalNode internal(ChildRef[] children) {
    int mask = 0;
    int leaves = 0;
    for (int nibble = 0; nibble < 16; nibble++) {
      if (children[nibble] != null) {
        mask |= 1 << nibble;
        if (children[nibble].leaf()) {
          leaves |= 1 << nibble;
        }
      }
    }
    byte[] enc = new byte[INTERNAL_HEADER + Integer.bitCount(mask) * Hash.SIZE];
    enc[0] = INTERNAL_TAG;
    enc[1] = (byte) (mask >>> 8);
    enc[2] = (byte) mask;
    enc[3] = (byte) (leaves >>> 8);
    enc[4] = (byte) leaves;
    int offset = INTERNAL_HEADER;
    for (ChildRef child : children) {
      if (child != null) {
        child.hash().bytes().copyTo(enc, offset);
        offset += Hash.SIZE;
      }
    }
    return new InternalNode(enc, Hash.of(Keccak.hash256(enc)));
  }

  /** Decodes a node known to hash to {@code hash} (stored nodes: no rehash). */
  static Node decode(byte[] enc, Hash hash) {
    validate(enc);
    return enc[0] == LEAF_TAG ? new LeafNode(enc, hash) : new InternalNode(enc, hash);
  }

  /** Decodes untrusted bytes, computing the hash. */
  static Node decode(byte[] enc) {
    validate(enc);
    return decode(enc, Hash.of(Keccak.hash256(enc)));
  }

  static int childMask(byte[] enc) {
    return (enc[1] & 0xff) << 8 | enc[2] & 0xff;
  }

  static int leafMask(byte[] enc) {
    return (enc[3] & 0xff) << 8 | enc[4] & 0xff;
  }

  /** Nibble {@code depth} (0 = high half of byte 0) of a 32-byte key. */
  static int nibble(Hash key, int depth) {
    int b = key.bytes().get(depth >> 1) & 0xff;
    return (depth & 1) == 0 ? b >>> 4 : b & 0x0f;
  }

  private static void validate(byte[] enc) {
    if (enc.length == 0) {
      throw new DecodeException("empty state-tree node");
    }
    if (enc[0] == LEAF_TAG) {
      if (enc.length < LEAF_HEADER) {
        throw new DecodeException("state-tree leaf of " + enc.length + " bytes is too short");
      }
      return;
    }
    if (enc[0] != INTERNAL_TAG) {
      throw new DecodeException("unknown state-tree node tag " + (enc[0] & 0xff));
    }
    if (enc.length < INTERNAL_HEADER) {
      throw new DecodeException("state-tree internal node of " + enc.length + " bytes is too short");
    }
    int mask = childMask(enc);
    int leaves = leafMask(enc);
    int count = Integer.bitCount(mask);
    if ((leaves & ~mask) != 0) {
      throw new DecodeException("state-tree internal node flags a leaf in an empty slot");
    }
    if (count == 0 || count == 1 && leaves != 0) {
      throw new DecodeException("non-canonical state-tree internal node (" + count + " child)");
    }
    if (enc.length != INTERNAL_HEADER + count * Hash.SIZE) {
      throw new DecodeException("state-tree internal node of " + enc.length + " bytes for "
          + count + " children");
    }
  }
}
