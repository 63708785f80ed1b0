package dev.bulwark.rpc.server;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Malformed JSON-RPC envelopes with the exact answer each must get (the server under test has a
 * batch limit of 10). Parameter-level cases belong to the method suites.
 */
final class BadEnvelopeCases {
  /** One case: what is sent and the exact response text expected. */
  record Case(String name, byte[] request, String expected) {
    boolean validUtf8() {
      return java.util.Arrays.equals(
          new String(request, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8), request);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static final String VALID = "{\"jsonrpc\":\"2.0\",\"id\":99,\"method\":\"add\",\"params\":[\"0x1\",\"0x2\"]}";
  static final String VALID_ANSWER = "{\"jsonrpc\":\"2.0\",\"id\":99,\"result\":3}";

  private BadEnvelopeCases() {}

  static String err(String id, int code, String message) {
    return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"error\":{\"code\":" + code + ",\"message\":\""
        + message.replace("\"", "\\\"") + "\"}}";
  }

  static List<Case> all() {
    List<Case> c = new ArrayList<>();
    String parse = err("null", -32700, "parse error");
    String invalid = err("null", -32600, "invalid request");
    String utf8 = err("null", -32700, "parse error: invalid UTF-8");
    String deep = err("null", -32700, "parse error: nesting deeper than 1000 levels");
    String version1 = err("1", -32600, "invalid request: jsonrpc must be \"2.0\"");
    String noMethod = err("1", -32600, "invalid request: method must be a string");
    String badId = err("null", -32600, "invalid request: id must be a string, a number or null");
    String nonArray = err("1", -32602, "non-array args");
    // -32700: not JSON at all
    c.add(text("unclosed object", "{", parse));
    c.add(text("empty body", "", err("null", -32700, "parse error: empty request")));
    c.add(text("whitespace only", " \r\n\t ", err("null", -32700, "parse error: empty request")));
    c.add(text("truncated request", "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"id\":1", parse));
    c.add(text("trailing brace", "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"id\":1}}", parse));
    c.add(text("two requests back to back", "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"id\":1}"
        + "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"id\":2}", parse));
    c.add(text("single quotes", "{'jsonrpc':'2.0','method':'echo','id':1}", parse));
    c.add(text("leading zero number", "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"id\":01}", parse));
    c.add(text("NaN", "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"id\":NaN}", parse));
    c.add(text("trailing comma", "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"id\":1,}", parse));
    c.add(text("comment", "// hi\n{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"id\":1}", parse));
    c.add(text("unterminated string", "{\"jsonrpc\":\"2.0\",\"method\":\"echo", parse));
    c.add(text("lone bracket", "[", parse));
    c.add(text("bad exponent", "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"id\":1e}", parse));
    c.add(text("raw control character in a string", "{\"jsonrpc\":\"2.0\",\"method\":\"ec\u0001ho\",\"id\":1}", parse));
    c.add(text("bare word", "nul", parse));
    c.add(text("unquoted key", "{jsonrpc:\"2.0\",\"method\":\"echo\",\"id\":1}", parse));
    c.add(text("missing colon", "{\"jsonrpc\" \"2.0\",\"method\":\"echo\",\"id\":1}", parse));
    c.add(text("invalid escape", "{\"jsonrpc\":\"2.0\",\"method\":\"ec\\qho\",\"id\":1}", parse));
    c.add(bytes("invalid UTF-8 byte", concat("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"",
        new byte[] {(byte) 0xff}, "\"],\"id\":1}"), utf8));
    c.add(bytes("overlong UTF-8", concat("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"",
        new byte[] {(byte) 0xc0, (byte) 0xaf}, "\"],\"id\":1}"), utf8));
    c.add(bytes("UTF-8-encoded surrogate", concat("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"",
        new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, "\"],\"id\":1}"), utf8));
    c.add(bytes("truncated UTF-8 sequence", concat("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"",
        new byte[] {(byte) 0xe2, (byte) 0x82}, "\"],\"id\":1}"), utf8));
    c.add(text("1001 nested arrays", "[".repeat(1001) + "]".repeat(1001), deep));
    c.add(text("1001 levels inside params", "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"id\":1,\"params\":"
        + "[".repeat(1000) + "]".repeat(1000) + "}", deep));
    // -32600: JSON, but not a request
    c.add(text("a number", "1", invalid));
    c.add(text("a string", "\"eth_chainId\"", invalid));
    c.add(text("null", "null", invalid));
    c.add(text("true", "true", invalid));
    c.add(text("empty object", "{}", err("null", -32600, "invalid request: jsonrpc must be \"2.0\"")));
    c.add(text("jsonrpc 1.0", "{\"jsonrpc\":\"1.0\",\"method\":\"echo\",\"id\":1}", version1));
    c.add(text("jsonrpc as a number", "{\"jsonrpc\":2.0,\"method\":\"echo\",\"id\":1}", version1));
    c.add(text("jsonrpc missing", "{\"method\":\"echo\",\"id\":1}", version1));
    c.add(text("method missing", "{\"jsonrpc\":\"2.0\",\"id\":1}", noMethod));
    c.add(text("method a number", "{\"jsonrpc\":\"2.0\",\"method\":1,\"id\":1}", noMethod));
    c.add(text("method null", "{\"jsonrpc\":\"2.0\",\"method\":null,\"id\":1}", noMethod));
    c.add(text("method an array", "{\"jsonrpc\":\"2.0\",\"method\":[\"echo\"],\"id\":1}", noMethod));
    c.add(text("id an object", "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"id\":{\"a\":1}}", badId));
    c.add(text("id an array", "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"id\":[1]}", badId));
    c.add(text("id a boolean", "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"id\":true}", badId));
    // batches
    c.add(text("empty batch", "[]", err("null", -32600, "empty batch")));
    c.add(text("batch of numbers", "[1,2,3]", "[" + invalid + "," + invalid + "," + invalid + "]"));
    c.add(text("batch holding an empty batch", "[[]]", "[" + invalid + "]"));
    c.add(text("batch over the limit", "[" + String.join(",", java.util.Collections.nCopies(11, VALID)) + "]",
        err("null", -32600, "batch too large: 11 requests, limit 10 (--rpc-max-batch-size)")));
    c.add(text("batch mixing good and bad entries",
        "[{\"jsonrpc\":\"2.0\",\"method\":\"add\",\"params\":[\"0x1\",\"0x1\"],\"id\":1},5,"
            + "{\"jsonrpc\":\"1.0\",\"method\":\"echo\",\"id\":3},{\"jsonrpc\":\"2.0\",\"method\":\"nope\",\"id\":4}]",
        "[{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":2}," + invalid + ","
            + err("3", -32600, "invalid request: jsonrpc must be \"2.0\"") + ","
            + err("4", -32601, "the method nope does not exist/is not available") + "]"));
    // methods and params at the envelope level
    c.add(text("unknown method", "{\"jsonrpc\":\"2.0\",\"method\":\"nope\",\"id\":1}",
        err("1", -32601, "the method nope does not exist/is not available")));
    c.add(text("empty method", "{\"jsonrpc\":\"2.0\",\"method\":\"\",\"id\":1}",
        err("1", -32601, "the method  does not exist/is not available")));
    c.add(text("tracing method", "{\"jsonrpc\":\"2.0\",\"method\":\"debug_traceTransaction\",\"id\":1}",
        err("1", -32601, "the method debug_traceTransaction does not exist/is not available")));
    c.add(text("params an object", "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":{},\"id\":1}", nonArray));
    c.add(text("params a string", "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":\"x\",\"id\":1}", nonArray));
    c.add(text("params a number", "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":1,\"id\":1}", nonArray));
    c.add(text("params true", "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":true,\"id\":1}", nonArray));
    c.add(text("method failing unexpectedly", "{\"jsonrpc\":\"2.0\",\"method\":\"boom\",\"id\":1}",
        err("1", -32603, "internal error")));
    c.add(text("method error with data", "{\"jsonrpc\":\"2.0\",\"method\":\"fail\",\"id\":\"x\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"error\":{\"code\":-32000,\"message\":\"nope\",\"data\":\"0x01\"}}"));
    // ids are echoed with their JSON type
    c.add(text("string id", "{\"jsonrpc\":\"2.0\",\"method\":\"nope\",\"id\":\"abc\"}",
        err("\"abc\"", -32601, "the method nope does not exist/is not available")));
    c.add(text("decimal id", "{\"jsonrpc\":\"2.0\",\"method\":\"nope\",\"id\":1.50}",
        err("1.50", -32601, "the method nope does not exist/is not available")));
    c.add(text("null id", "{\"jsonrpc\":\"2.0\",\"method\":\"nope\",\"id\":null}",
        err("null", -32601, "the method nope does not exist/is not available")));
    c.add(text("id past 64 bits", "{\"jsonrpc\":\"2.0\",\"method\":\"nope\",\"id\":123456789012345678901234567890}",
        err("123456789012345678901234567890", -32601, "the method nope does not exist/is not available")));
    c.add(text("negative id", "{\"jsonrpc\":\"2.0\",\"method\":\"nope\",\"id\":-7}",
        err("-7", -32601, "the method nope does not exist/is not available")));
    return c;
  }

  private static Case text(String name, String request, String expected) {
    return new Case(name, request.getBytes(StandardCharsets.UTF_8), expected);
  }

  private static Case bytes(String name, byte[] request, String expected) {
    return new Case(name, request, expected);
  }

  private static byte[] concat(String head, byte[] middle, String tail) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(middle);
    out.writeBytes(tail.getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }
}
