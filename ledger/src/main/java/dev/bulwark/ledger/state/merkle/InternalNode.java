package dev.bulwark.ledger.state.merkle;

import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.util.Arrays;

/**
 * A branch on one nibble of the key: up to 16 children, each a hash plus a leaf flag (hashed),
 * and, stored after the hashed encoding but not hashed, the keys of its leaf children. The flag
 * lets an update pull a lone leaf up and the keys let it place a new key next to a leaf, both
 * without reading the leaf: at a million keys that saves one store read per changed key.
 *
 * <p>In memory a node may also hold its internal children themselves ({@link #resident}), which
 * makes the upper part of the tree a plain object graph: walking it costs a pointer per level, not
 * a lookup by hash in a map of hundreds of thousands of nodes (at 1M keys that lookup, a few cache
 * misses each, was the largest part of an update). The pointers are not part of the node's
 * content: they are filled and cleared without locks, by the updating thread and by readers, and
 * a reader that finds null loads the child by its hash instead. Nodes are immutable with final
 * fields, so a pointer read without synchronisation is either null or a complete node.
 */
final class InternalNode implements Node {
  private final byte[] stored; // encoding, then 32 bytes per leaf child in nibble order
  private final int encodingLength;
  private final Hash hash;
  private final int mask;
  private final int leafMask;
  private final InternalNode[] resident; // by nibble; null when no child is internal

  InternalNode(byte[] stored, int encodingLength, Hash hash) {
    this.stored = stored;
    this.encodingLength = encodingLength;
    this.hash = hash;
    this.mask = NodeCodec.childMask(stored);
    this.leafMask = NodeCodec.leafMask(stored);
    this.resident = (mask & ~leafMask) == 0 ? null : new InternalNode[16];
  }

  /** The child at {@code nibble} with its resident node if any, or null for an empty slot. */
  ChildRef child(int nibble) {
    int bit = 1 << nibble;
    if ((mask & bit) == 0) {
      return null;
    }
    Hash childHash = hashAt(nibble);
    if ((leafMask & bit) == 0) {
      return new ChildRef(childHash, null, resident[nibble]);
    }
    return new ChildRef(childHash, new Hash(Bytes.of(stored, leafKeyOffset(nibble), Hash.SIZE)));
  }

  /** Hash of the child at {@code nibble} or null; needs no leaf keys (works on proof nodes). */
  Hash childHash(int nibble) {
    return (mask & 1 << nibble) == 0 ? null : hashAt(nibble);
  }

  private Hash hashAt(int nibble) {
    return new Hash(Bytes.of(stored, hashOffset(nibble), Hash.SIZE));
  }

  /** True when the child at {@code nibble} (a set slot) has hash {@code other}. */
  boolean childHashEquals(int nibble, Hash other) {
    return other.bytes().contentEquals(stored, hashOffset(nibble));
  }

  /** The resident internal child at {@code nibble}, or null (not loaded, a leaf, or empty). */
  InternalNode resident(int nibble) {
    return resident == null ? null : resident[nibble];
  }

  /** Keeps {@code child}, the internal node at {@code nibble}, in memory under this node. */
  void keep(int nibble, InternalNode child) {
    if (internalChild(nibble)) {
      resident[nibble] = child;
    }
  }

  /** Lets go of the resident child at {@code nibble} (it is loaded by hash when next needed). */
  void forget(int nibble) {
    if (resident != null) {
      resident[nibble] = null;
    }
  }

  /** Lets go of every resident child (they are loaded by hash when next needed). */
  void forgetChildren() {
    if (resident != null) {
      Arrays.fill(resident, null);
    }
  }

  /** True when the leaf child at {@code nibble} (stored nodes only) has key {@code key}. */
  boolean leafKeyEquals(int nibble, Hash key) {
    return key.bytes().contentEquals(stored, leafKeyOffset(nibble));
  }

  /** True when the slot at {@code nibble} holds an internal node. */
  boolean internalChild(int nibble) {
    return (mask & ~leafMask & 1 << nibble) != 0;
  }

  /** True when the slot at {@code nibble} holds a leaf. */
  boolean leafChild(int nibble) {
    return (leafMask & 1 << nibble) != 0;
  }

  int mask() {
    return mask;
  }

  int leafMask() {
    return leafMask;
  }

  /** Offset in {@link #stored()} of the hash at {@code nibble} (a set slot). */
  int hashOffset(int nibble) {
    return NodeCodec.INTERNAL_HEADER + Integer.bitCount(mask & ((1 << nibble) - 1)) * Hash.SIZE;
  }

  /** Offset in {@link #stored()} of the key of the leaf at {@code nibble} (stored nodes only). */
  int leafKeyOffset(int nibble) {
    return encodingLength + Integer.bitCount(leafMask & ((1 << nibble) - 1)) * Hash.SIZE;
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
    return new ChildRef(hash, null, this);
  }
}
