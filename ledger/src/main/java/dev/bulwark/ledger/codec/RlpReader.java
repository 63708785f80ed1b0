package dev.bulwark.ledger.codec;

import dev.bulwark.ledger.types.UInt256;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.math.BigInteger;
import java.util.List;

/** Sequential, strict reader over the elements of one RLP list; errors name the structure read. */
public final class RlpReader {

  private final List<RlpItem> items;
  private final String what;
  private int index;

  private RlpReader(List<RlpItem> items, String what) {
    this.items = items;
    this.what = what;
  }

  /** A reader over {@code item}, which must be a list. */
  public static RlpReader of(RlpItem item, String what) {
    if (!(item instanceof RlpItem.Lst l)) {
      throw new DecodeException(what + ": expected an RLP list, got a string");
    }
    return new RlpReader(l.items(), what);
  }

  /** Number of elements in the list. */
  public int size() {
    return items.size();
  }

  /** True while elements remain. */
  public boolean hasNext() {
    return index < items.size();
  }

  /** The next raw element. */
  public RlpItem item() {
    if (index >= items.size()) {
      throw new DecodeException(what + ": missing field #" + index);
    }
    return items.get(index++);
  }

  /** The next element as a byte string. */
  public Bytes bytes() {
    int at = index;
    if (!(item() instanceof RlpItem.Str s)) {
      throw new DecodeException(what + ": field #" + at + " must be a string, got a list");
    }
    return s.value();
  }

  /** The next element as a byte string of exactly {@code size} bytes. */
  public Bytes bytes(int size) {
    int at = index;
    Bytes b = bytes();
    if (b.size() != size) {
      throw new DecodeException(
          what + ": field #" + at + " must be " + size + " bytes, got " + b.size());
    }
    return b;
  }

  /** The next element as a 20-byte address. */
  public Address address() {
    return new Address(bytes(Address.SIZE));
  }

  /** The next element as a 32-byte hash. */
  public Hash hash() {
    return new Hash(bytes(Hash.SIZE));
  }

  /** The next element as a nested list reader. */
  public RlpReader list() {
    int at = index;
    RlpItem i = item();
    if (!(i instanceof RlpItem.Lst)) {
      throw new DecodeException(what + ": field #" + at + " must be a list, got a string");
    }
    return of(i, what + "[" + at + "]");
  }

  /** The next element as a canonical unsigned integer of at most {@code maxBytes} bytes. */
  public BigInteger uint(int maxBytes) {
    int at = index;
    Bytes b = bytes();
    if (b.size() > maxBytes) {
      throw new DecodeException(
          what + ": integer field #" + at + " exceeds " + maxBytes + " bytes");
    }
    if (b.size() > 0 && b.get(0) == 0) {
      throw new DecodeException(what + ": integer field #" + at + " has a leading zero byte");
    }
    return b.isEmpty() ? BigInteger.ZERO : new BigInteger(1, b.toArray());
  }

  /** The next element as a canonical unsigned 256-bit integer. */
  public BigInteger uint256() {
    BigInteger v = uint(32);
    assert UInt256.isValid(v);
    return v;
  }

  /**
   * The next element as a canonical unsigned 64-bit integer, returned in a long's bits: values of
   * 2^63 and above come back negative, so compare them with {@link Long#compareUnsigned}.
   */
  public long uint64() {
    return uint(8).longValue();
  }

  /** The next element as a canonical unsigned integer below 2^63. */
  public long longValue() {
    int at = index;
    BigInteger v = uint(8);
    if (v.bitLength() > 63) {
      throw new DecodeException(what + ": integer field #" + at + " exceeds 2^63-1");
    }
    return v.longValue();
  }

  /** The next element as a canonical unsigned integer below 2^31. */
  public int intValue() {
    int at = index;
    long v = longValue();
    if (v > Integer.MAX_VALUE) {
      throw new DecodeException(what + ": integer field #" + at + " exceeds 2^31-1");
    }
    return (int) v;
  }

  /** Asserts that every element was consumed. */
  public void end() {
    if (index != items.size()) {
      throw new DecodeException(
          what + ": expected " + index + " fields, got " + items.size());
    }
  }
}
