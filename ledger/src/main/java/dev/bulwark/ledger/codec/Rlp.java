package dev.bulwark.ledger.codec;

import dev.bulwark.ledger.types.Bytes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Strict (canonical-only) RLP as specified in the Ethereum yellow paper, appendix B.
 *
 * <p>Rejects what lenient decoders accept: single bytes below 0x80 wrapped in a string header,
 * long-form lengths below 56, length fields with leading zeros, truncated payloads and trailing
 * bytes. Integer scalars are checked for leading zeros by {@link RlpReader}.
 */
public final class Rlp {
  /** Deep enough for every real structure; bounds recursion on hostile input. */
  public static final int MAX_DEPTH = 64;

  private Rlp() {}

  // ---------------------------------------------------------------- building items

  /** A byte-string item. */
  public static RlpItem str(Bytes value) {
    return new RlpItem.Str(value);
  }

  /** A byte-string item (copied). */
  public static RlpItem str(byte[] value) {
    return new RlpItem.Str(Bytes.of(value));
  }

  /** A non-negative integer scalar, big-endian without leading zeros (zero is the empty string). */
  public static RlpItem uint(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("RLP scalar must be non-negative: " + value);
    }
    return uint(BigInteger.valueOf(value));
  }

  /** A non-negative integer scalar, big-endian without leading zeros (zero is the empty string). */
  public static RlpItem uint(BigInteger value) {
    if (value.signum() < 0) {
      throw new IllegalArgumentException("RLP scalar must be non-negative: " + value);
    }
    if (value.signum() == 0) {
      return new RlpItem.Str(Bytes.EMPTY);
    }
    byte[] b = value.toByteArray();
    int skip = b[0] == 0 ? 1 : 0;
    return new RlpItem.Str(Bytes.of(b, skip, b.length - skip));
  }

  /** A list item. */
  public static RlpItem list(RlpItem... items) {
    return new RlpItem.Lst(List.of(items));
  }

  /** A list item. */
  public static RlpItem list(List<RlpItem> items) {
    return new RlpItem.Lst(items);
  }

  // ---------------------------------------------------------------- encoding

  /** Canonical encoding of {@code item}. */
  public static byte[] encode(RlpItem item) {
    byte[] out = new byte[encodedLength(item)];
    int end = write(item, out, 0);
    assert end == out.length;
    return out;
  }

  private static int encodedLength(RlpItem item) {
    if (item instanceof RlpItem.Str s) {
      int n = s.value().size();
      if (n == 1 && (s.value().get(0) & 0xff) < 0x80) {
        return 1;
      }
      return headerLength(n) + n;
    }
    int payload = payloadLength((RlpItem.Lst) item);
    return headerLength(payload) + payload;
  }

  private static int payloadLength(RlpItem.Lst list) {
    int sum = 0;
    for (RlpItem i : list.items()) {
      sum += encodedLength(i);
    }
    return sum;
  }

  private static int headerLength(int payload) {
    return payload < 56 ? 1 : 1 + byteLength(payload);
  }

  private static int byteLength(long v) {
    return (64 - Long.numberOfLeadingZeros(v) + 7) / 8;
  }

  private static int write(RlpItem item, byte[] out, int pos) {
    if (item instanceof RlpItem.Str s) {
      Bytes v = s.value();
      int n = v.size();
      if (n == 1 && (v.get(0) & 0xff) < 0x80) {
        out[pos] = v.get(0);
        return pos + 1;
      }
      pos = writeHeader(0x80, n, out, pos);
      v.copyTo(out, pos);
      return pos + n;
    }
    RlpItem.Lst l = (RlpItem.Lst) item;
    pos = writeHeader(0xc0, payloadLength(l), out, pos);
    for (RlpItem i : l.items()) {
      pos = write(i, out, pos);
    }
    return pos;
  }

  private static int writeHeader(int base, int payload, byte[] out, int pos) {
    if (payload < 56) {
      out[pos] = (byte) (base + payload);
      return pos + 1;
    }
    int lenBytes = byteLength(payload);
    out[pos++] = (byte) (base + 55 + lenBytes);
    for (int i = lenBytes - 1; i >= 0; i--) {
      out[pos++] = (byte) (payload >>> (8 * i));
    }
    return pos;
  }

  // ---------------------------------------------------------------- decoding

  /** Decodes exactly one item spanning all of {@code input}; anything else is a DecodeException. */
  public static RlpItem decode(byte[] input) {
    return decode(input, 0, input.length);
  }

  /** Decodes exactly one item spanning {@code input[offset, offset+length)}. */
  public static RlpItem decode(byte[] input, int offset, int length) {
    int end = offset + length;
    int[] next = new int[1];
    RlpItem item = decodeAt(input, offset, end, next, 0);
    if (next[0] != end) {
      throw new DecodeException("RLP: " + (end - next[0]) + " trailing byte(s) after the item");
    }
    return item;
  }

  /** Decodes a list item and returns a reader over its elements. */
  public static RlpReader decodeList(byte[] input, String what) {
    return RlpReader.of(decode(input), what);
  }

  private static RlpItem decodeAt(byte[] in, int pos, int end, int[] next, int depth) {
    if (pos >= end) {
      throw new DecodeException("RLP: unexpected end of input");
    }
    int p = in[pos] & 0xff;
    if (p < 0x80) {
      next[0] = pos + 1;
      return new RlpItem.Str(Bytes.of(in, pos, 1));
    }
    if (p <= 0xbf) {
      long[] hdr = header(in, pos, end, p, 0x80);
      int start = (int) hdr[0];
      int len = (int) hdr[1];
      if (len == 1 && (in[start] & 0xff) < 0x80) {
        throw new DecodeException("RLP: single byte below 0x80 must not have a string header");
      }
      next[0] = start + len;
      return new RlpItem.Str(Bytes.of(in, start, len));
    }
    if (depth >= MAX_DEPTH) {
      throw new DecodeException("RLP: nesting deeper than " + MAX_DEPTH);
    }
    long[] hdr = header(in, pos, end, p, 0xc0);
    int start = (int) hdr[0];
    int listEnd = start + (int) hdr[1];
    List<RlpItem> items = new ArrayList<>();
    int cur = start;
    while (cur < listEnd) {
      items.add(decodeAt(in, cur, listEnd, next, depth + 1));
      cur = next[0];
    }
    next[0] = listEnd;
    return new RlpItem.Lst(items);
  }

  /** Returns {payloadStart, payloadLength}, both checked against {@code end}. */
  private static long[] header(byte[] in, int pos, int end, int prefix, int base) {
    int shortMax = base + 55;
    if (prefix <= shortMax) {
      long len = prefix - base;
      checkFits(pos + 1, len, end);
      return new long[] {pos + 1, len};
    }
    int lenOfLen = prefix - shortMax;
    if (pos + 1 + lenOfLen > end) {
      throw new DecodeException("RLP: length field runs past the end of input");
    }
    if (in[pos + 1] == 0) {
      throw new DecodeException("RLP: length field has a leading zero byte");
    }
    if (lenOfLen > 4) {
      throw new DecodeException("RLP: length field of " + lenOfLen + " bytes exceeds any input");
    }
    long len = 0;
    for (int i = 0; i < lenOfLen; i++) {
      len = (len << 8) | (in[pos + 1 + i] & 0xff);
    }
    if (len < 56) {
      throw new DecodeException("RLP: long-form length " + len + " must be at least 56");
    }
    checkFits(pos + 1 + lenOfLen, len, end);
    return new long[] {pos + 1 + lenOfLen, len};
  }

  private static void checkFits(long start, long len, int end) {
    if (start + len > end) {
      throw new DecodeException(
          "RLP: item of " + len + " bytes runs past the end of input (" + (end - start) + " left)");
    }
  }
}
