package dev.bulwark.ledger.state.merkle;

import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;

/**
 * One key and its value. The leaf carries the full key, so its encoding and hash do not depend on
 * the depth it sits at: a leaf moving up after a sibling's deletion needs no rewrite.
 */
final class LeafNode implements Node {
  private final byte[] encoding;
  private final Hash hash;

  LeafNode(byte[] encoding, Hash hash) {
    this.encoding = encoding;
    this.hash = hash;
  }

  /** The 32-byte key. */
  Hash key() {
    return new Hash(Bytes.of(encoding, 1, Hash.SIZE));
  }

  /** True when this leaf holds {@code key}, without allocating. */
  boolean hasKey(Hash key) {
    return key.bytes().contentEquals(encoding, 1);
  }

  /** The stored value. */
  Bytes value() {
    return Bytes.of(encoding, 1 + Hash.SIZE, encoding.length - 1 - Hash.SIZE);
  }

  @Override
  public Hash hash() {
    return hash;
  }

  @Override
  public byte[] encoding() {
    return encoding;
  }

  @Override
  public int encodingLength() {
    return encoding.length;
  }

  @Override
  public byte[] storedBytes() {
    return encoding;
  }

  @Override
  public ChildRef ref() {
    return new ChildRef(hash, key());
  }
}
