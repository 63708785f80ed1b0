package dev.bulwark.rpc.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.rpc.jsonrpc.BatchRpcMethod;
import dev.bulwark.rpc.jsonrpc.RpcConnection;
import dev.bulwark.rpc.jsonrpc.RpcContext;
import dev.bulwark.rpc.jsonrpc.RpcException;
import dev.bulwark.rpc.jsonrpc.RpcLimits;
import dev.bulwark.rpc.jsonrpc.RpcMethod;
import dev.bulwark.rpc.jsonrpc.RpcMethods;
import dev.bulwark.rpc.jsonrpc.RpcParams;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON-RPC 2.0 envelope: parses one HTTP body or WebSocket message, answers a single request
 * or a batch (in request order, notifications left out) and turns every failure into an error
 * object with the node's own text. A batch's calls to a method with a batch form (two or more of
 * them) are answered by one call of that form, e.g. one mempool admission for all its
 * {@code eth_sendRawTransaction}s. Runs on worker threads; it blocks while methods read the store.
 */
public final class RpcDispatcher {
  /** Deepest JSON nesting accepted; deeper input is a parse error. */
  public static final int MAX_NESTING_DEPTH = 1000;

  private static final Logger LOG = LoggerFactory.getLogger(RpcDispatcher.class);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  static final ObjectMapper JSON = mapper();

  private final RpcMethods methods;
  private final RpcLimits limits;

  /** A dispatcher over {@code methods} enforcing {@code limits}. */
  public RpcDispatcher(RpcMethods methods, RpcLimits limits) {
    if (methods == null || limits == null) {
      throw new IllegalArgumentException("a dispatcher needs methods and limits");
    }
    this.methods = methods;
    this.limits = limits;
  }

  private static ObjectMapper mapper() {
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
        .build();
    ObjectMapper m = new ObjectMapper(factory);
    // Trailing garbage after the request is malformed input, not something to ignore.
    m.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    // An id is echoed with its JSON type and, for decimals, its digits.
    m.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    m.configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    return m;
  }

  /** The configured limits. */
  public RpcLimits limits() {
    return limits;
  }

  /**
   * Answers {@code message} (an HTTP body or a WebSocket message) received on {@code connection}
   * (empty over HTTP); null when nothing is to be sent back (notifications only).
   */
  public byte[] handle(byte[] message, Optional<RpcConnection> connection) {
    try {
      return answer(message, connection);
    } catch (RuntimeException e) {
      // A fault of the dispatcher itself (methods' faults are caught per call): still answer.
      LOG.error("JSON-RPC dispatch failed", e);
      return write(error(NullNode.instance, RpcException.INTERNAL_ERROR, "internal error", null));
    }
  }

  private byte[] answer(byte[] message, Optional<RpcConnection> connection) {
    JsonNode root;
    try {
      root = parse(message);
    } catch (ParseError e) {
      return write(error(NullNode.instance, RpcException.PARSE_ERROR, e.getMessage(), null));
    }
    Context context = new Context(connection, limits);
    if (!root.isArray()) {
      return write(one(validate(root), context));
    }
    if (root.isEmpty()) {
      return write(error(NullNode.instance, RpcException.INVALID_REQUEST, "empty batch", null));
    }
    if (root.size() > limits.maxBatchSize()) {
      return write(error(NullNode.instance, RpcException.INVALID_REQUEST, "batch too large: "
          + root.size() + " requests, limit " + limits.maxBatchSize() + " (--rpc-max-batch-size)", null));
    }
    List<Entry> entries = new ArrayList<>(root.size());
    Map<String, List<Integer>> batchable = new LinkedHashMap<>();
    for (JsonNode request : root) {
      Entry entry = validate(request);
      if (entry instanceof Call c && methods.batchForm(c.method()).isPresent()) {
        batchable.computeIfAbsent(c.method(), k -> new ArrayList<>()).add(entries.size());
      }
      entries.add(entry);
    }
    ObjectNode[] answers = new ObjectNode[entries.size()];
    boolean[] answered = new boolean[entries.size()];
    batchable.forEach((name, indices) -> {
      if (indices.size() < 2) {
        return;
      }
      List<Call> calls = indices.stream().map(i -> (Call) entries.get(i)).toList();
      List<ObjectNode> out = callAll(name, calls, context);
      for (int k = 0; k < indices.size(); k++) {
        answers[indices.get(k)] = calls.get(k).notification() ? null : out.get(k);
        answered[indices.get(k)] = true;
      }
    });
    ArrayNode array = NODES.arrayNode(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      ObjectNode answer = answered[i] ? answers[i] : one(entries.get(i), context);
      if (answer != null) {
        array.add(answer);
      }
    }
    return array.isEmpty() ? null : write(array);
  }

  /** A JSON-RPC error response for {@code id} (used by the transport for limit answers). */
  public static byte[] errorResponse(JsonNode id, int code, String message) {
    return write(error(id, code, message, null));
  }

  private static JsonNode parse(byte[] message) throws ParseError {
    String text;
    try {
      // The JDK decoder rejects overlong forms, encoded surrogates and stray bytes, which the
      // JSON parser would let through inside strings.
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(message)).toString();
    } catch (CharacterCodingException e) {
      throw new ParseError("parse error: invalid UTF-8");
    }
    if (text.isBlank()) {
      throw new ParseError("parse error: empty request");
    }
    try {
      JsonNode root = JSON.readTree(text);
      if (root == null || root.isMissingNode()) {
        throw new ParseError("parse error: empty request");
      }
      return root;
    } catch (StreamConstraintsException e) {
      throw new ParseError(e.getMessage() != null && e.getMessage().contains("nesting depth")
          ? "parse error: nesting deeper than " + MAX_NESTING_DEPTH + " levels"
          : "parse error: a number or string is too long");
    } catch (JsonProcessingException e) {
      throw new ParseError("parse error");
    }
  }

  /** One request of the envelope: an answer already known (null: none), or a call to make. */
  private sealed interface Entry permits Answered, Call {}

  /** A request answered without calling a method (an envelope error); null for none. */
  private record Answered(ObjectNode answer) implements Entry {}

  /** A well-formed call; {@code params} is null when the request had none. */
  private record Call(JsonNode id, String method, ArrayNode params, boolean notification)
      implements Entry {}

  private ObjectNode one(Entry entry, Context context) {
    if (entry instanceof Answered a) {
      return a.answer();
    }
    Call c = (Call) entry;
    ObjectNode answer = call(c.method(), c.params(), c.id(), context);
    return c.notification() ? null : answer;
  }

  private static Entry validate(JsonNode request) {
    if (!request.isObject()) {
      return new Answered(
          error(NullNode.instance, RpcException.INVALID_REQUEST, "invalid request", null));
    }
    JsonNode id = request.get("id");
    if (id != null && !(id.isTextual() || id.isNumber() || id.isNull())) {
      return new Answered(error(NullNode.instance, RpcException.INVALID_REQUEST,
          "invalid request: id must be a string, a number or null", null));
    }
    JsonNode echo = id == null ? NullNode.instance : id;
    JsonNode version = request.get("jsonrpc");
    if (version == null || !version.isTextual() || !"2.0".equals(version.textValue())) {
      return new Answered(error(echo, RpcException.INVALID_REQUEST,
          "invalid request: jsonrpc must be \"2.0\"", null));
    }
    JsonNode method = request.get("method");
    if (method == null || !method.isTextual()) {
      return new Answered(error(echo, RpcException.INVALID_REQUEST,
          "invalid request: method must be a string", null));
    }
    JsonNode params = request.get("params");
    boolean notification = id == null;
    if (params != null && !params.isNull() && !params.isArray()) {
      return new Answered(notification ? null
          : error(echo, RpcException.INVALID_PARAMS, "non-array args", null));
    }
    return new Call(echo, method.textValue(),
        (ArrayNode) (params == null || params.isNull() ? null : params), notification);
  }

  /** Answers {@code calls} to {@code name} with its batch form, in order. */
  private List<ObjectNode> callAll(String name, List<Call> calls, Context context) {
    BatchRpcMethod form = methods.batchForm(name).orElseThrow();
    List<BatchRpcMethod.Answer> answers;
    try {
      answers = form.callAll(calls.stream().map(c -> new RpcParams(c.params())).toList(), context);
    } catch (RuntimeException e) {
      LOG.error("JSON-RPC method {} failed on a batch of {} calls", name, calls.size(), e);
      return internalErrors(calls);
    }
    if (answers.size() != calls.size()) {
      LOG.error("JSON-RPC method {} gave {} answers to a batch of {} calls", name, answers.size(),
          calls.size());
      return internalErrors(calls);
    }
    List<ObjectNode> out = new ArrayList<>(calls.size());
    for (int i = 0; i < calls.size(); i++) {
      JsonNode id = calls.get(i).id();
      if (answers.get(i) instanceof BatchRpcMethod.Result r) {
        ObjectNode answer = envelope(id);
        answer.set("result", r.value());
        out.add(answer);
      } else {
        RpcException e = ((BatchRpcMethod.Failure) answers.get(i)).error();
        out.add(error(id, e.code(), e.getMessage(), e.data()));
      }
    }
    return out;
  }

  private static List<ObjectNode> internalErrors(List<Call> calls) {
    return calls.stream()
        .map(c -> error(c.id(), RpcException.INTERNAL_ERROR, "internal error", null)).toList();
  }

  private ObjectNode call(String name, ArrayNode params, JsonNode id, Context context) {
    Optional<RpcMethod> method = methods.get(name);
    if (method.isEmpty()) {
      RpcException e = RpcException.methodNotFound(name);
      return error(id, e.code(), e.getMessage(), null);
    }
    try {
      JsonNode result = method.get().call(new RpcParams(params), context);
      ObjectNode answer = envelope(id);
      answer.set("result", result == null ? NullNode.instance : result);
      return answer;
    } catch (RpcException e) {
      return error(id, e.code(), e.getMessage(), e.data());
    } catch (RuntimeException e) {
      // The client learns only that it failed; the log keeps the cause for the operator.
      LOG.error("JSON-RPC method {} failed", name, e);
      return error(id, RpcException.INTERNAL_ERROR, "internal error", null);
    }
  }

  private static ObjectNode envelope(JsonNode id) {
    ObjectNode o = NODES.objectNode();
    o.put("jsonrpc", "2.0");
    o.set("id", id);
    return o;
  }

  private static ObjectNode error(JsonNode id, int code, String message, JsonNode data) {
    ObjectNode o = envelope(id);
    ObjectNode err = o.putObject("error");
    err.put("code", code);
    err.put("message", message);
    if (data != null) {
      err.set("data", data);
    }
    return o;
  }

  private static byte[] write(JsonNode answer) {
    if (answer == null) {
      return null;
    }
    try {
      return JSON.writeValueAsBytes(answer);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  /** Malformed input, with the text the client gets. */
  private static final class ParseError extends Exception {
    ParseError(String message) {
      super(message, null, false, false);
    }
  }

  private record Context(Optional<RpcConnection> connection, RpcLimits limits) implements RpcContext {}
}
