package dev.bulwark.ledger.state.merkle;

import dev.bulwark.ledger.codec.DecodeException;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The node wire format, hashed with SHA-256 for the root and stored under the hash:
 *
 * <pre>
 * leaf:     0x00 | key (32) | value (rest)
 * internal: 0x01 | childMask (2, big-endian) | leafMask (2) | child hash (32) per set childMask
 *           bit, in nibble order
 * </pre>
 *
 * The tag byte separates the two domains, so no leaf hash can pass for an internal one. In the
 * store an internal node is followed by the keys of its leaf children (32 bytes each, nibble
 * order): local index data, not hashed and not part of proofs. Decoding
 * is strict and rejects non-canonical internal nodes (one leaf child, leaf bits without a child),
 * because a proof carries nodes from an untrusted peer.
 *
 * <p>Node hashes are SHA-256, not keccak256: the state root is Bulwark's own commitment, not
 * Ethereum's MPT root, and DESIGN.md does not fix its hash. On these CPUs (SHA extensions) the
 * JDK's SHA-256 hashes a full internal node about 9 times faster than BouncyCastle's keccak
 * (512 bytes: 0.53 us vs 4.8 us measured), and keccak was about a third of an update's CPU at
 * 1M keys. Keys stay keccak256 of Ethereum addresses and slots (see {@code StateKeys}).
 */
final class NodeCodec {
  static final byte LEAF_TAG = 0x00;
  static final byte INTERNAL_TAG = 0x01;
  static final int INTERNAL_HEADER = 5;
  private static final int LEAF_HEADER = 1 + Hash.SIZE;
  private static final int SHA256_BLOCK = 64;
  private static final int SHA256_PADDING = 9; // 0x80 then the 8-byte bit length
  private static final ThreadLocal<MessageDigest> DIGEST =
      ThreadLocal.withInitial(NodeCodec::sha256);

  private NodeCodec() {}

  /** The leaf holding {@code key -> value}. */
  static LeafNode leaf(Hash key, Bytes value) {
    byte[] enc = new byte[LEAF_HEADER + value.size()];
    enc[0] = LEAF_TAG;
    key.bytes().copyTo(enc, 1);
    value.copyTo(enc, LEAF_HEADER);
    return new LeafNode(enc, sha256(enc, enc.length));
  }

  /** The internal node over {@code slots} (holding none of their resident children yet). */
  static InternalNode internal(Slots slots) {
    int encodingLength = INTERNAL_HEADER + slots.count() * Hash.SIZE;
    byte[] stored = slots.stored(encodingLength);
    return new InternalNode(stored, encodingLength, sha256(stored, encodingLength));
  }

  /**
   * Decodes stored bytes known to hash to {@code hash}: the canonical encoding, then for an
   * internal node the keys of its leaf children. The hash is trusted, not recomputed.
   */
  static Node decodeStored(byte[] stored, Hash hash) {
    validatePrefix(stored);
    if (stored[0] == LEAF_TAG) {
      return new LeafNode(stored, hash);
    }
    int length = internalLength(stored);
    int expected = length + Integer.bitCount(leafMask(stored)) * Hash.SIZE;
    if (stored.length != expected) {
      throw new DecodeException("stored state-tree internal node of " + stored.length
          + " bytes, expected " + expected);
    }
    return new InternalNode(stored, length, hash);
  }

  /**
   * Decodes an untrusted canonical encoding (a proof node), computing its hash. An internal node
   * decoded this way knows its leaf children's flags but not their keys.
   */
  static Node decode(byte[] enc) {
    validatePrefix(enc);
    Hash hash = sha256(enc, enc.length);
    if (enc[0] == LEAF_TAG) {
      return new LeafNode(enc, hash);
    }
    if (enc.length != internalLength(enc)) {
      throw new DecodeException("state-tree internal node of " + enc.length + " bytes for "
          + Integer.bitCount(childMask(enc)) + " children");
    }
    return new InternalNode(enc, enc.length, hash);
  }

  /** SHA-256 of the first {@code length} bytes of {@code data} (the stored tail is unhashed). */
  private static Hash sha256(byte[] data, int length) {
    // One digest per thread: MessageDigest.getInstance per node costs a provider lookup.
    MessageDigest digest = DIGEST.get();
    digest.update(data, 0, length);
    byte[] out = new byte[Hash.SIZE];
    try {
      digest.digest(out, 0, Hash.SIZE);
    } catch (DigestException e) {
      throw new IllegalStateException("SHA-256 digest does not fit 32 bytes", e);
    }
    return new Hash(Bytes.wrap(out));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }

  /** SHA-256 compressions that hashing {@code length} bytes takes (64-byte blocks, 9+ padding). */
  static int hashBlocks(int length) {
    return (length + SHA256_PADDING + SHA256_BLOCK - 1) / SHA256_BLOCK;
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

  /** Expected canonical length of an internal node from its child mask. */
  private static int internalLength(byte[] enc) {
    return INTERNAL_HEADER + Integer.bitCount(childMask(enc)) * Hash.SIZE;
  }

  /** Checks the tag, the minimum sizes and the masks' canonical form (not the total length). */
  private static void validatePrefix(byte[] enc) {
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
  }
}
