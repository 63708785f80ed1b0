package dev.bulwark.rpc.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A JSON-RPC error answer: the code and the node's own short message (never a library's text, a
 * class name or a stack trace), with optional {@code data}. Codes and texts follow geth (see
 * ETH-RPC.md).
 */
public final class RpcException extends Exception {
  /** Not valid JSON. */
  public static final int PARSE_ERROR = -32700;
  /** Valid JSON that is not a request object. */
  public static final int INVALID_REQUEST = -32600;
  /** Unknown or empty method. */
  public static final int METHOD_NOT_FOUND = -32601;
  /** Missing, extra, wrongly typed or malformed parameters. */
  public static final int INVALID_PARAMS = -32602;
  /** The node failed to answer a valid request. */
  public static final int INTERNAL_ERROR = -32603;
  /** geth's generic server error: pool rejections, missing state, limits. */
  public static final int SERVER_ERROR = -32000;
  /** geth's limit-exceeded code (too many results, too wide a range). */
  public static final int LIMIT_EXCEEDED = -32005;
  /** A revert of {@code eth_call}/{@code eth_estimateGas}, with the ABI-encoded reason as data. */
  public static final int EXECUTION_REVERTED = 3;

  private final int code;
  private final transient JsonNode data;

  /** An error with {@code code} and {@code message}. */
  public RpcException(int code, String message) {
    this(code, message, null);
  }

  /** An error with {@code code}, {@code message} and {@code data} (may be null). */
  public RpcException(int code, String message, JsonNode data) {
    super(message, null, false, false);
    if (message == null || message.isEmpty()) {
      throw new IllegalArgumentException("an RPC error needs a message");
    }
    this.code = code;
    this.data = data;
  }

  /** The JSON-RPC error code. */
  public int code() {
    return code;
  }

  /** The error's {@code data} member, or null. */
  public JsonNode data() {
    return data;
  }

  /** -32602 with {@code message}. */
  public static RpcException invalidParams(String message) {
    return new RpcException(INVALID_PARAMS, message);
  }

  /** -32601 in geth's words. */
  public static RpcException methodNotFound(String method) {
    return new RpcException(METHOD_NOT_FOUND,
        "the method " + method + " does not exist/is not available");
  }

  /** -32000 with {@code message}. */
  public static RpcException server(String message) {
    return new RpcException(SERVER_ERROR, message);
  }
}
