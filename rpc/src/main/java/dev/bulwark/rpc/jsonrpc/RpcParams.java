package dev.bulwark.rpc.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.math.BigInteger;

/**
 * A call's positional parameters with strict decoders: each failure is a -32602 error in geth's
 * words ({@code invalid argument N: …}, {@code missing value for required argument N}, {@code too
 * many arguments, want at most N}). Hex must carry {@code 0x}; quantities have no leading zeros.
 */
public final class RpcParams {
  private static final ArrayNode EMPTY = JsonNodeFactory.instance.arrayNode();
  private final ArrayNode params;

  /** Wraps {@code params}; null (absent) means no parameters. */
  public RpcParams(ArrayNode params) {
    this.params = params == null ? EMPTY : params;
  }

  /** The number of parameters sent. */
  public int size() {
    return params.size();
  }

  /**
   * Requires between {@code min} and {@code max} parameters; trailing JSON nulls count as absent,
   * as in geth.
   */
  public RpcParams expect(int min, int max) throws RpcException {
    int n = params.size();
    while (n > 0 && params.get(n - 1).isNull()) {
      n--;
    }
    if (n > max) {
      throw RpcException.invalidParams("too many arguments, want at most " + max);
    }
    if (n < min) {
      throw RpcException.invalidParams("missing value for required argument " + n);
    }
    return this;
  }

  /** True when parameter {@code i} was sent and is not JSON null. */
  public boolean has(int i) {
    return i < params.size() && !params.get(i).isNull();
  }

  /** Parameter {@code i} as raw JSON (for objects decoded by the method). */
  public JsonNode raw(int i) throws RpcException {
    if (!has(i)) {
      throw RpcException.invalidParams("missing value for required argument " + i);
    }
    return params.get(i);
  }

  /** Parameter {@code i} as a JSON object. */
  public ObjectNode object(int i) throws RpcException {
    JsonNode n = raw(i);
    if (!n.isObject()) {
      throw invalid(i, "expected an object");
    }
    return (ObjectNode) n;
  }

  /** Parameter {@code i} as a boolean. */
  public boolean bool(int i) throws RpcException {
    JsonNode n = raw(i);
    if (!n.isBoolean()) {
      throw invalid(i, "expected a boolean");
    }
    return n.booleanValue();
  }

  /** Parameter {@code i} as a string. */
  public String string(int i) throws RpcException {
    JsonNode n = raw(i);
    if (!n.isTextual()) {
      throw invalid(i, "expected a string");
    }
    return n.textValue();
  }

  /** Parameter {@code i} as a quantity of at most 64 bits (non-negative). */
  public long quantity(int i) throws RpcException {
    return quantity(i, raw(i));
  }

  /** Parameter {@code i} as a quantity of at most 256 bits. */
  public BigInteger bigQuantity(int i) throws RpcException {
    return bigQuantity(i, raw(i), 256);
  }

  /** Parameter {@code i} as even-length {@code 0x} hex data. */
  public Bytes data(int i) throws RpcException {
    return data(i, raw(i));
  }

  /** Parameter {@code i} as a 20-byte address (any case). */
  public Address address(int i) throws RpcException {
    return address(i, raw(i));
  }

  /** Parameter {@code i} as a 32-byte hash. */
  public Hash hash(int i) throws RpcException {
    return hash(i, raw(i));
  }

  /** Parameter {@code i} as a block number, tag or EIP-1898 object; {@code latest} when absent. */
  public BlockTag blockTagOrLatest(int i) throws RpcException {
    return has(i) ? blockTag(i) : BlockTag.LATEST;
  }

  /** Parameter {@code i} as a block number, tag or EIP-1898 object. */
  public BlockTag blockTag(int i) throws RpcException {
    return blockTag(i, raw(i));
  }

  // The static decoders serve fields inside object parameters too (e.g. a filter's fromBlock).

  /** {@code node} (argument {@code i}) as a block number, tag or EIP-1898 object. */
  public static BlockTag blockTag(int i, JsonNode node) throws RpcException {
    if (node.isObject()) {
      JsonNode hash = node.get("blockHash");
      JsonNode number = node.get("blockNumber");
      if ((hash == null) == (number == null)) {
        throw invalid(i, "a block object needs exactly one of blockHash and blockNumber");
      }
      return hash != null ? BlockTag.hash(hash(i, hash)) : blockTag(i, number);
    }
    if (!node.isTextual()) {
      throw invalid(i, "expected a block number or tag");
    }
    return switch (node.textValue()) {
      case "latest" -> BlockTag.LATEST;
      case "earliest" -> new BlockTag(BlockTag.Kind.EARLIEST, -1, null);
      case "pending" -> new BlockTag(BlockTag.Kind.PENDING, -1, null);
      case "safe" -> new BlockTag(BlockTag.Kind.SAFE, -1, null);
      case "finalized" -> new BlockTag(BlockTag.Kind.FINALIZED, -1, null);
      case "accepted" -> new BlockTag(BlockTag.Kind.ACCEPTED, -1, null);
      default -> {
        String s = node.textValue();
        if (!s.startsWith("0x") && !s.startsWith("0X")) {
          throw invalid(i, "unknown block tag or hex number without 0x prefix");
        }
        yield BlockTag.number(quantity(i, node));
      }
    };
  }

  /** {@code node} (argument {@code i}) as a quantity of at most 64 bits. */
  public static long quantity(int i, JsonNode node) throws RpcException {
    BigInteger v = bigQuantity(i, node, 64);
    if (v.bitLength() > 63) {
      throw invalid(i, "hex number > 64 bits");
    }
    return v.longValue();
  }

  /** {@code node} (argument {@code i}) as a quantity of at most {@code bits} bits. */
  public static BigInteger bigQuantity(int i, JsonNode node, int bits) throws RpcException {
    String s = hexDigits(i, node);
    if (s.isEmpty()) {
      throw invalid(i, "hex string \"0x\"");
    }
    if (s.length() > 1 && s.charAt(0) == '0') {
      throw invalid(i, "hex number with leading zero digits");
    }
    if (s.length() > (bits + 3) / 4) {
      throw invalid(i, "hex number > " + bits + " bits");
    }
    checkHexDigits(i, s);
    BigInteger v = new BigInteger(s, 16);
    if (v.bitLength() > bits) {
      throw invalid(i, "hex number > " + bits + " bits");
    }
    return v;
  }

  /** {@code node} (argument {@code i}) as even-length hex data. */
  public static Bytes data(int i, JsonNode node) throws RpcException {
    String s = hexDigits(i, node);
    if (s.length() % 2 != 0) {
      throw invalid(i, "hex string of odd length");
    }
    checkHexDigits(i, s);
    return Bytes.fromHex(s);
  }

  /** {@code node} (argument {@code i}) as a 20-byte address. */
  public static Address address(int i, JsonNode node) throws RpcException {
    Bytes b = data(i, node);
    if (b.size() != Address.SIZE) {
      throw invalid(i, "an address must be 20 bytes, got " + b.size());
    }
    return new Address(b);
  }

  /** {@code node} (argument {@code i}) as a 32-byte hash. */
  public static Hash hash(int i, JsonNode node) throws RpcException {
    Bytes b = data(i, node);
    if (b.size() != Hash.SIZE) {
      throw invalid(i, "a hash must be 32 bytes, got " + b.size());
    }
    return new Hash(b);
  }

  /** -32602 {@code invalid argument i: reason}. */
  public static RpcException invalid(int i, String reason) {
    return RpcException.invalidParams("invalid argument " + i + ": " + reason);
  }

  private static String hexDigits(int i, JsonNode node) throws RpcException {
    if (!node.isTextual()) {
      throw invalid(i, "expected a 0x-prefixed hex string");
    }
    String s = node.textValue();
    if (!s.startsWith("0x") && !s.startsWith("0X")) {
      throw invalid(i, "hex string without 0x prefix");
    }
    return s.substring(2);
  }

  private static void checkHexDigits(int i, String s) throws RpcException {
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      // ASCII only: Character.digit would accept other scripts' digits.
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
        throw invalid(i, "invalid hex string");
      }
    }
  }
}
