package dev.bulwark.ledger.types;

/** A 32-byte hash (keccak256 unless stated otherwise). */
public record Hash(Bytes bytes) implements Comparable<Hash> {
  public static final int SIZE = 32;
  /** All-zero hash, used as the genesis block's parent. */
  public static final Hash ZERO = new Hash(Bytes.of(new byte[SIZE]));

  public Hash {
    if (bytes == null || bytes.size() != SIZE) {
      throw new IllegalArgumentException(
          "hash must be " + SIZE + " bytes, got " + (bytes == null ? "null" : bytes.size()));
    }
  }

  /** Parses 0x-prefixed (or bare) 64-digit hex. */
  public static Hash fromHex(String hex) {
    return new Hash(Bytes.fromHex(hex));
  }

  /** Wraps a 32-byte array (copied). */
  public static Hash of(byte[] bytes) {
    return new Hash(Bytes.of(bytes));
  }

  /** Lowercase 0x hex. */
  public String toHex() {
    return bytes.toHex();
  }

  @Override
  public int compareTo(Hash o) {
    return bytes.compareTo(o.bytes);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
