package dev.bulwark.ledger.chain;

import dev.bulwark.ledger.types.Bytes;
import java.util.Arrays;
import java.util.Collection;

/**
 * Which validators of a set signed: bit i stands for the validator at index i of the {@link
 * ValidatorSet} (ascending address order). Serialized as ceil(size/8) bytes, bit i in byte i/8
 * at mask {@code 1 << (i % 8)}; the unused high bits of the last byte must be zero, so each
 * bitmap has exactly one byte form.
 */
public final class SignerBitmap {
  private final int size;
  private final byte[] bits;

  private SignerBitmap(int size, byte[] bits) {
    this.size = size;
    this.bits = bits;
  }

  /** A bitmap of {@code size} validators with no signer. */
  public static SignerBitmap empty(int size) {
    if (size < 0) {
      throw new IllegalArgumentException("bitmap size must not be negative, got " + size);
    }
    return new SignerBitmap(size, new byte[byteLength(size)]);
  }

  /** A bitmap of {@code size} validators with the given signer indexes set. */
  public static SignerBitmap of(int size, int... indexes) {
    SignerBitmap b = empty(size);
    for (int i : indexes) {
      b.set(i);
    }
    return b;
  }

  /** A bitmap of {@code size} validators with the given signer indexes set. */
  public static SignerBitmap of(int size, Collection<Integer> indexes) {
    return of(size, indexes.stream().mapToInt(Integer::intValue).toArray());
  }

  /** Parses the byte form; rejects a length other than ceil(size/8) and bits at or above size. */
  public static SignerBitmap fromBytes(int size, Bytes bytes) {
    if (size < 0) {
      throw new IllegalArgumentException("bitmap size must not be negative, got " + size);
    }
    if (bytes.size() != byteLength(size)) {
      throw new IllegalArgumentException(
          "bitmap of " + size + " validators must be " + byteLength(size) + " bytes, got "
              + bytes.size());
    }
    byte[] b = bytes.toArray();
    if (size % 8 != 0 && (b[b.length - 1] & 0xff) >>> (size % 8) != 0) {
      throw new IllegalArgumentException("bitmap has bits set beyond its size " + size);
    }
    return new SignerBitmap(size, b);
  }

  private static int byteLength(int size) {
    return (size + 7) / 8;
  }

  private void set(int index) {
    check(index);
    bits[index >>> 3] |= (byte) (1 << (index & 7));
  }

  private void check(int index) {
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException("signer index " + index + " outside [0, " + size + ")");
    }
  }

  /** A copy with {@code index} set as well. */
  public SignerBitmap with(int index) {
    SignerBitmap b = new SignerBitmap(size, bits.clone());
    b.set(index);
    return b;
  }

  /** Number of validators the bitmap covers. */
  public int size() {
    return size;
  }

  /** True when validator {@code index} signed. */
  public boolean isSet(int index) {
    check(index);
    return (bits[index >>> 3] & (1 << (index & 7))) != 0;
  }

  /** Number of signers. */
  public int count() {
    int n = 0;
    for (byte b : bits) {
      n += Integer.bitCount(b & 0xff);
    }
    return n;
  }

  /** The signer indexes in ascending order. */
  public int[] indexes() {
    int[] out = new int[count()];
    int k = 0;
    for (int i = 0; i < size; i++) {
      if (isSet(i)) {
        out[k++] = i;
      }
    }
    return out;
  }

  /** The canonical byte form. */
  public Bytes toBytes() {
    return Bytes.of(bits);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignerBitmap s && size == s.size && Arrays.equals(bits, s.bits);
  }

  @Override
  public int hashCode() {
    return 31 * size + Arrays.hashCode(bits);
  }

  @Override
  public String toString() {
    return "SignerBitmap" + Arrays.toString(indexes()) + "/" + size;
  }
}
