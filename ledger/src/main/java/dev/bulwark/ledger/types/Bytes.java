package dev.bulwark.ledger.types;

import java.util.Arrays;
import java.util.HexFormat;

/** An immutable byte string with value equality, unsigned ordering and 0x-hex text form. */
public final class Bytes implements Comparable<Bytes> {
  public static final Bytes EMPTY = new Bytes(new byte[0]);
  private static final HexFormat HEX = HexFormat.of();

  private final byte[] bytes;
  /** Cached {@link Arrays#hashCode}; 0 means not yet computed (a racy but benign cache, as String's). */
  private int hash;

  private Bytes(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Copies the given bytes. */
  public static Bytes of(byte... bytes) {
    return bytes.length == 0 ? EMPTY : new Bytes(bytes.clone());
  }

  /**
   * Wraps {@code bytes} without copying: the caller hands the array over and must never modify it
   * again. For arrays built to become one value (encodings, digests, store keys).
   */
  public static Bytes wrap(byte[] bytes) {
    return bytes.length == 0 ? EMPTY : new Bytes(bytes);
  }

  /** Copies {@code length} bytes of {@code src} starting at {@code offset}. */
  public static Bytes of(byte[] src, int offset, int length) {
    return length == 0 ? EMPTY : new Bytes(Arrays.copyOfRange(src, offset, offset + length));
  }

  /** Parses even-length hex with or without a 0x prefix; throws IllegalArgumentException otherwise. */
  public static Bytes fromHex(String hex) {
    String h = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
    if ((h.length() & 1) != 0) {
      throw new IllegalArgumentException("hex string of odd length: " + abbreviate(hex));
    }
    try {
      return h.isEmpty() ? EMPTY : new Bytes(HEX.parseHex(h));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a hex string: " + abbreviate(hex), e);
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
  }

  /** Number of bytes. */
  public int size() {
    return bytes.length;
  }

  /** True when the string holds no bytes. */
  public boolean isEmpty() {
    return bytes.length == 0;
  }

  /** The byte at {@code index}. */
  public byte get(int index) {
    return bytes[index];
  }

  /** A fresh copy of the content. */
  public byte[] toArray() {
    return bytes.clone();
  }

  /** Sub-range {@code [from, to)} as a new value. */
  public Bytes slice(int from, int to) {
    return of(bytes, from, to - from);
  }

  /** This string followed by {@code other}. */
  public Bytes concat(Bytes other) {
    byte[] out = Arrays.copyOf(bytes, bytes.length + other.bytes.length);
    System.arraycopy(other.bytes, 0, out, bytes.length, other.bytes.length);
    return new Bytes(out);
  }

  /** Lowercase hex with a 0x prefix ("0x" when empty). */
  public String toHex() {
    return "0x" + HEX.formatHex(bytes);
  }

  /** Lowercase hex without a prefix. */
  public String toUnprefixedHex() {
    return HEX.formatHex(bytes);
  }

  /** True when {@code other[offset, offset + size())} holds exactly these bytes, without copying. */
  public boolean contentEquals(byte[] other, int offset) {
    return offset >= 0
        && offset <= other.length - bytes.length
        && Arrays.equals(bytes, 0, bytes.length, other, offset, offset + bytes.length);
  }

  /** Writes the content into {@code dst} at {@code offset}, avoiding a copy for encoders. */
  public void copyTo(byte[] dst, int offset) {
    System.arraycopy(bytes, 0, dst, offset, bytes.length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = Arrays.hashCode(bytes);
      hash = h;
    }
    return h;
  }

  @Override
  public int compareTo(Bytes o) {
    return Arrays.compareUnsigned(bytes, o.bytes);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
