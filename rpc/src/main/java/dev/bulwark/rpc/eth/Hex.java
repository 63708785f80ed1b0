package dev.bulwark.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.math.BigInteger;

/** The JSON encodings of ETH-RPC.md section 0: minimal-hex quantities, lowercase data. */
final class Hex {
  static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private Hex() {}

  /** A quantity: {@code 0x} + minimal hex, {@code 0x0} for zero. */
  static TextNode quantity(long value) {
    return new TextNode("0x" + Long.toHexString(value));
  }

  /** A uint64 held in a long (negative as signed), as a quantity. */
  static TextNode unsigned(long value) {
    return new TextNode("0x" + Long.toUnsignedString(value, 16));
  }

  /** A non-negative big quantity. */
  static TextNode quantity(BigInteger value) {
    return new TextNode("0x" + value.toString(16));
  }

  /** Data as lowercase even-length hex ({@code 0x} when empty). */
  static TextNode data(Bytes bytes) {
    return new TextNode(bytes.toHex().toLowerCase());
  }

  /** A 32-byte hash, lowercase. */
  static TextNode hash(Hash hash) {
    return new TextNode(hash.toHex().toLowerCase());
  }

  /** An address, lowercase (EIP-55 is optional for clients; lowercase is always valid). */
  static TextNode address(Address address) {
    return new TextNode(address.toHex().toLowerCase());
  }

  /** JSON null. */
  static JsonNode nul() {
    return JSON.nullNode();
  }
}
