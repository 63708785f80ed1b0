package dev.bulwark.genesis.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.genesis.model.Amounts;
import dev.bulwark.genesis.model.Problem;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Typed reads from a Jackson tree that never throw: a value that is missing, of the wrong JSON
 * type or malformed is recorded as a {@link Problem} at its path and read as null.
 */
final class JsonReading {
  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
  private static final Pattern HEX = Pattern.compile("0x([0-9a-fA-F]{2})*");

  private final List<Problem> problems = new ArrayList<>();

  /** Every problem recorded so far, in order. */
  List<Problem> problems() {
    return problems;
  }

  /** Records a problem. */
  void add(String path, String reason) {
    problems.add(new Problem(path, reason));
  }

  /** Records problems found by a rule, placing them under {@code prefix} unless it is empty. */
  void addAll(String prefix, List<Problem> found) {
    found.forEach(p -> problems.add(prefix.isEmpty() ? p : p.under(prefix)));
  }

  /** {@code key} under {@code path}. */
  static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** The node as an object, or null with "must be a JSON object". */
  ObjectNode object(JsonNode node, String path) {
    if (node instanceof ObjectNode o) {
      return o;
    }
    add(path, "must be a JSON object, got " + kind(node));
    return null;
  }

  /** The member {@code key} of {@code obj}, or null with "is missing". */
  JsonNode field(ObjectNode obj, String path, String key) {
    JsonNode v = obj.get(key);
    if (v == null) {
      add(join(path, key), "is missing");
    }
    return v;
  }

  /** Reports every member of {@code obj} not in {@code known} as an unknown field. */
  void rejectUnknown(ObjectNode obj, String path, Set<String> known) {
    for (Iterator<String> names = obj.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        add(join(path, name), "unknown field");
      }
    }
  }

  /** A JSON integer (any size; callers check ranges). */
  BigInteger integer(JsonNode node, String path) {
    if (node == null) {
      return null;
    }
    if (node.isIntegralNumber()) {
      return node.bigIntegerValue();
    }
    add(path, node.isNumber()
        ? "must be an integer, got " + node.asText()
        : "must be a JSON number, got " + kind(node));
    return null;
  }

  /** A JSON string. */
  String string(JsonNode node, String path) {
    if (node == null) {
      return null;
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    add(path, "must be a string, got " + kind(node));
    return null;
  }

  /** A uint256 written as a decimal string. */
  BigInteger amount(JsonNode node, String path) {
    if (node != null && node.isNumber()) {
      // Numbers lose precision in many JSON parsers above 2^53, so amounts are strings.
      add(path, "must be a decimal string such as \"1000\", not a JSON number");
      return null;
    }
    String text = string(node, path);
    if (text == null) {
      return null;
    }
    try {
      return Amounts.parseDecimal(text);
    } catch (IllegalArgumentException e) {
      add(path, e.getMessage());
      return null;
    }
  }

  /** A 0x-prefixed 20-byte address (lowercase, uppercase or correct EIP-55 mixed case). */
  Address address(JsonNode node, String path) {
    String text = string(node, path);
    if (text == null) {
      return null;
    }
    try {
      return parseAddress(text);
    } catch (IllegalArgumentException e) {
      add(path, e.getMessage());
      return null;
    }
  }

  /** Parses an address; IllegalArgumentException says what is wrong. */
  static Address parseAddress(String text) {
    if (!ADDRESS.matcher(text).matches()) {
      throw new IllegalArgumentException("malformed address (expected 0x followed by 40 hex digits)");
    }
    Address a = Address.fromHex(text);
    if (!a.matchesChecksum(text)) {
      throw new IllegalArgumentException("bad EIP-55 checksum (expected " + a.toChecksumHex() + ")");
    }
    return a;
  }

  /** Exactly {@code size} bytes as 0x-prefixed hex. */
  Bytes hex(JsonNode node, String path, int size) {
    String text = string(node, path);
    if (text == null) {
      return null;
    }
    if (!HEX.matcher(text).matches() || text.length() != 2 + 2 * size) {
      add(path, "must be 0x followed by " + 2 * size + " hex digits (" + size + " bytes)");
      return null;
    }
    return Bytes.fromHex(text);
  }

  /** "string", "number", "object", ... for messages. */
  static String kind(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT, POJO -> "an object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
