package dev.bulwark.node.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;

/**
 * A node's {@code GET /health} answer.
 *
 * @param height number of the latest committed block
 * @param latestHash hash of that block, 0x-prefixed hex
 * @param chainId the chain id (sent as a number or a hex or decimal string)
 * @param round the node's current consensus round
 * @param epoch the node's current epoch
 * @param peers connected peers
 * @param syncing true while the node downloads committed blocks
 * @param role "validator" or "observer"
 */
record Health(
    long height, String latestHash, long chainId, long round, long epoch, int peers, boolean syncing, String role) {
  Health {
    if (height < 0 || latestHash == null || role == null) {
      throw new IllegalArgumentException("health needs a height >= 0, a latest hash and a role");
    }
  }

  /** Reads the JSON object, failing with a message naming the first missing or mistyped field. */
  static Health of(JsonNode json) {
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException("health is not a JSON object: " + json);
    }
    return new Health(
        number(json, "height"),
        text(json, "latestHash"),
        number(json, "chainId"),
        number(json, "round"),
        number(json, "epoch"),
        Math.toIntExact(number(json, "peers")),
        bool(json, "syncing"),
        text(json, "role"));
  }

  private static JsonNode field(JsonNode json, String name) {
    JsonNode v = json.get(name);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("health lacks \"" + name + "\": " + json);
    }
    return v;
  }

  private static long number(JsonNode json, String name) {
    JsonNode v = field(json, name);
    if (v.canConvertToExactIntegral() && v.canConvertToLong()) {
      return v.asLong();
    }
    if (v.isTextual()) {
      String s = v.asText();
      try {
        return s.startsWith("0x") ? new BigInteger(s.substring(2), 16).longValueExact() : Long.parseLong(s);
      } catch (NumberFormatException | ArithmeticException e) {
        throw new IllegalArgumentException("health \"" + name + "\" is not a number: " + v, e);
      }
    }
    throw new IllegalArgumentException("health \"" + name + "\" is not a number: " + v);
  }

  private static String text(JsonNode json, String name) {
    JsonNode v = field(json, name);
    if (!v.isTextual()) {
      throw new IllegalArgumentException("health \"" + name + "\" is not a string: " + v);
    }
    return v.asText();
  }

  private static boolean bool(JsonNode json, String name) {
    JsonNode v = field(json, name);
    if (!v.isBoolean()) {
      throw new IllegalArgumentException("health \"" + name + "\" is not a boolean: " + v);
    }
    return v.asBoolean();
  }

  /** Compact form for failure messages: height, short hash, round, peers, role. */
  String brief() {
    String hash = latestHash.length() > 10 ? latestHash.substring(0, 10) : latestHash;
    return "h" + height + " " + hash + " r" + round + " e" + epoch + " p" + peers
        + (syncing ? " syncing" : "") + (role.equals("validator") ? "" : " " + role);
  }
}
