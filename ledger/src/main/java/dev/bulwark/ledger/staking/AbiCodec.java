package dev.bulwark.ledger.staking;

import dev.bulwark.ledger.types.UInt256;
import dev.bulwark.ledger.crypto.Keccak;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Solidity ABI encoding (the subset of {@link AbiType}): function selectors, strict argument
 * decoding, return values, event topics and {@code Error(string)} revert data.
 *
 * <p>Decoding accepts only the canonical encoding that Solidity, ethers and web3j produce: every
 * dynamic argument's offset points exactly behind the previous one's tail (the first behind the
 * head), padding bytes are zero, addresses and booleans have no stray high bits, and nothing
 * follows the last tail. One call therefore has exactly one encoding.
 */
public final class AbiCodec {
  /** Size of one ABI word. */
  public static final int WORD = 32;
  /** Size of a function selector. */
  public static final int SELECTOR_SIZE = 4;
  /** Selector of {@code Error(string)}, the standard revert payload. */
  public static final Bytes ERROR_SELECTOR = selector("Error(string)");


  private AbiCodec() {}

  /** The first four bytes of keccak256 of a canonical signature such as {@code stake()}. */
  public static Bytes selector(String signature) {
    return Bytes.of(keccak(signature), 0, SELECTOR_SIZE);
  }

  /** Topic 0 of an event: keccak256 of its canonical signature. */
  public static Hash eventTopic(String signature) {
    return Hash.of(keccak(signature));
  }

  /** An indexed address as a topic (left-padded to 32 bytes). */
  public static Hash topic(Address address) {
    return Hash.of(word(address));
  }

  /** An indexed uint256 as a topic. */
  public static Hash topic(BigInteger value) {
    return Hash.of(word(value));
  }

  /** The canonical signature {@code name(type1,type2,...)}. */
  public static String signature(String name, List<AbiType> types) {
    return name + types.stream().map(AbiType::abiName).collect(Collectors.joining(",", "(", ")"));
  }

  /** {@code Error(string)} revert data for {@code reason}, as eth_call returns it. */
  public static Bytes errorData(String reason) {
    return ERROR_SELECTOR.concat(encode(List.of(AbiType.STRING), List.of(reason)));
  }

  /** The reason inside {@code Error(string)} revert data, if {@code data} is such data. */
  public static Optional<String> decodeErrorData(Bytes data) {
    if (data.size() < SELECTOR_SIZE || !data.slice(0, SELECTOR_SIZE).equals(ERROR_SELECTOR)) {
      return Optional.empty();
    }
    try {
      return Optional.of((String) decode(data.slice(SELECTOR_SIZE, data.size()),
          List.of(AbiType.STRING)).get(0));
    } catch (AbiDecodeException e) {
      return Optional.empty();
    }
  }

  // ---------------------------------------------------------------- encoding

  /** The ABI encoding of {@code values} as a tuple of {@code types} (no selector). */
  public static Bytes encode(List<AbiType> types, List<?> values) {
    if (types.size() != values.size()) {
      throw new IllegalArgumentException(types.size() + " types but " + values.size() + " values");
    }
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    ByteArrayOutputStream tail = new ByteArrayOutputStream();
    int headSize = WORD * types.size();
    for (int i = 0; i < types.size(); i++) {
      AbiType t = types.get(i);
      Object v = values.get(i);
      if (t.isDynamic()) {
        head.writeBytes(word(BigInteger.valueOf(headSize + tail.size())));
        tail.writeBytes(encodeDynamic(t, v));
      } else {
        head.writeBytes(encodeStatic(t, v));
      }
    }
    head.writeBytes(tail.toByteArray());
    return Bytes.of(head.toByteArray());
  }

  private static byte[] encodeStatic(AbiType t, Object v) {
    return switch (t) {
      case UINT256 -> word((BigInteger) v);
      case UINT8 -> word(checkUint8((Integer) v));
      case ADDRESS -> word((Address) v);
      case BOOL -> word(((Boolean) v) ? BigInteger.ONE : BigInteger.ZERO);
      case BYTES32 -> ((Hash) v).bytes().toArray();
      default -> throw new IllegalArgumentException(t + " is dynamic");
    };
  }

  private static byte[] encodeDynamic(AbiType t, Object v) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    switch (t) {
      case BYTES, STRING -> {
        byte[] raw = t == AbiType.BYTES
            ? ((Bytes) v).toArray() : ((String) v).getBytes(StandardCharsets.UTF_8);
        out.writeBytes(word(BigInteger.valueOf(raw.length)));
        out.writeBytes(Arrays.copyOf(raw, padded(raw.length)));
      }
      case ADDRESS_ARRAY, UINT256_ARRAY -> {
        List<?> items = (List<?>) v;
        out.writeBytes(word(BigInteger.valueOf(items.size())));
        AbiType item = t == AbiType.ADDRESS_ARRAY ? AbiType.ADDRESS : AbiType.UINT256;
        items.forEach(x -> out.writeBytes(encodeStatic(item, x)));
      }
      default -> throw new IllegalArgumentException(t + " is static");
    }
    return out.toByteArray();
  }

  private static BigInteger checkUint8(int v) {
    if (v < 0 || v > 255) {
      throw new IllegalArgumentException("uint8 out of range: " + v);
    }
    return BigInteger.valueOf(v);
  }

  private static byte[] word(BigInteger v) {
    if (!UInt256.isValid(v)) {
      throw new IllegalArgumentException("not a uint256: " + v);
    }
    byte[] raw = v.toByteArray();
    byte[] out = new byte[WORD];
    int len = Math.min(raw.length, WORD); // toByteArray may prepend a sign byte
    System.arraycopy(raw, raw.length - len, out, WORD - len, len);
    return out;
  }

  private static byte[] word(Address a) {
    byte[] out = new byte[WORD];
    a.bytes().copyTo(out, WORD - Address.SIZE);
    return out;
  }

  private static int padded(int length) {
    return (length + WORD - 1) / WORD * WORD;
  }

  private static byte[] keccak(String text) {
    return Keccak.hash256(text.getBytes(StandardCharsets.US_ASCII));
  }

  // ---------------------------------------------------------------- decoding

  /** Decodes {@code data} (no selector) as the canonical encoding of a tuple of {@code types}. */
  public static List<Object> decode(Bytes data, List<AbiType> types) throws AbiDecodeException {
    byte[] in = data.toArray();
    int headSize = WORD * types.size();
    if (in.length < headSize) {
      throw new AbiDecodeException("call data too short: " + in.length + " < " + headSize);
    }
    List<Object> out = new ArrayList<>(types.size());
    int tail = headSize;
    for (int i = 0; i < types.size(); i++) {
      AbiType t = types.get(i);
      if (!t.isDynamic()) {
        out.add(decodeStatic(t, in, i * WORD));
        continue;
      }
      int offset = smallInt(in, i * WORD, "offset of argument " + i);
      if (offset != tail) {
        throw new AbiDecodeException(
            "argument " + i + " has offset " + offset + ", the canonical offset is " + tail);
      }
      int[] end = new int[1];
      out.add(decodeDynamic(t, in, offset, end));
      tail = end[0];
    }
    if (tail != in.length) {
      throw new AbiDecodeException((in.length - tail) + " byte(s) after the last argument");
    }
    return out;
  }

  private static Object decodeStatic(AbiType t, byte[] in, int at) throws AbiDecodeException {
    return switch (t) {
      case UINT256 -> new BigInteger(1, Arrays.copyOfRange(in, at, at + WORD));
      case UINT8 -> (int) boundedWord(in, at, 255, "uint8");
      case BOOL -> boundedWord(in, at, 1, "bool") == 1;
      case ADDRESS -> {
        requireZeros(in, at, WORD - Address.SIZE, "address");
        yield Address.of(Arrays.copyOfRange(in, at + WORD - Address.SIZE, at + WORD));
      }
      case BYTES32 -> Hash.of(Arrays.copyOfRange(in, at, at + WORD));
      default -> throw new IllegalArgumentException(t + " is dynamic");
    };
  }

  private static Object decodeDynamic(AbiType t, byte[] in, int at, int[] end)
      throws AbiDecodeException {
    if (in.length - at < WORD) {
      throw new AbiDecodeException("missing length word at " + at);
    }
    int length = smallInt(in, at, "length at " + at);
    int body = at + WORD;
    boolean byteString = t == AbiType.BYTES || t == AbiType.STRING;
    long bodySize = byteString ? padded(length) : (long) length * WORD;
    if (bodySize > in.length - body) {
      throw new AbiDecodeException("length " + length + " at " + at + " runs past the data");
    }
    end[0] = body + (int) bodySize;
    if (byteString) {
      requireZeros(in, body + length, (int) bodySize - length, "padding");
      byte[] raw = Arrays.copyOfRange(in, body, body + length);
      return t == AbiType.BYTES ? Bytes.of(raw) : utf8(raw);
    }
    AbiType item = t == AbiType.ADDRESS_ARRAY ? AbiType.ADDRESS : AbiType.UINT256;
    List<Object> items = new ArrayList<>(length);
    for (int k = 0; k < length; k++) {
      items.add(decodeStatic(item, in, body + k * WORD));
    }
    return List.copyOf(items);
  }

  private static int smallInt(byte[] in, int at, String what) throws AbiDecodeException {
    long v = boundedWord(in, at, Integer.MAX_VALUE, what);
    return (int) v;
  }

  private static long boundedWord(byte[] in, int at, long max, String what)
      throws AbiDecodeException {
    requireZeros(in, at, WORD - Long.BYTES, what);
    long v = ByteBuffer.wrap(in, at + WORD - Long.BYTES, Long.BYTES).getLong();
    if (v < 0 || v > max) {
      throw new AbiDecodeException(what + " out of range");
    }
    return v;
  }

  private static void requireZeros(byte[] in, int from, int count, String what)
      throws AbiDecodeException {
    for (int i = from; i < from + count; i++) {
      if (in[i] != 0) {
        throw new AbiDecodeException(what + " has non-zero high or padding bytes");
      }
    }
  }

  private static String utf8(byte[] raw) throws AbiDecodeException {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(raw)).toString();
    } catch (CharacterCodingException e) {
      throw new AbiDecodeException("string is not valid UTF-8");
    }
  }
}
