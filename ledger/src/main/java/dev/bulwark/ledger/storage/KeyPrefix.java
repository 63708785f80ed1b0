package dev.bulwark.ledger.storage;

import dev.bulwark.ledger.types.Bytes;
import java.nio.charset.StandardCharsets;

/**
 * The one-byte namespaces of the store's key space. Every column of data gets its own prefix
 * here so that prefix scans never cross into another kind of record; never renumber one.
 */
public enum KeyPrefix {
  /** Store metadata: schema version and chain identity. */
  META(0x00),
  /** Merkle state-tree nodes, keyed by their keccak256 hash. */
  STATE_NODE(0x01);

  private final byte tag;

  KeyPrefix(int tag) {
    this.tag = (byte) tag;
  }

  /** The prefix byte. */
  public byte tag() {
    return tag;
  }

  /** The prefix alone, for prefix scans. */
  public Bytes bytes() {
    return Bytes.of(tag);
  }

  /** The prefix followed by {@code suffix}. */
  public Bytes key(Bytes suffix) {
    byte[] out = new byte[1 + suffix.size()];
    out[0] = tag;
    suffix.copyTo(out, 1);
    return Bytes.of(out);
  }

  /** The prefix followed by the UTF-8 bytes of {@code name}. */
  public Bytes key(String name) {
    return key(Bytes.of(name.getBytes(StandardCharsets.UTF_8)));
  }
}
