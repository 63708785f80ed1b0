package dev.bulwark.node.staking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A minimal blocking JSON-RPC 2.0 client over HTTP POST (one request per call). */
public final class JsonRpcClient {
  /** JSON-RPC error code of {@code execution reverted}. */
  public static final int REVERTED = 3;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REVERT_PREFIX = "execution reverted: ";

  private final URI url;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final AtomicLong ids = new AtomicLong();

  /** A client of the node at {@code url}. */
  public JsonRpcClient(URI url) {
    if (url == null) {
      throw new IllegalArgumentException("RPC URL is missing");
    }
    this.url = url;
  }

  /** Builds a JSON array of parameters. */
  public static ArrayNode params(Object... values) {
    ArrayNode array = JSON.createArrayNode();
    for (Object v : values) {
      array.add(v instanceof JsonNode n ? n : JSON.valueToTree(v));
    }
    return array;
  }

  /** A fresh JSON object (call objects, filters). */
  public static ObjectNode object() {
    return JSON.createObjectNode();
  }

  /** Calls {@code method}; a revert (code 3) becomes {@link CallRevertedException}. */
  public JsonNode call(String method, ArrayNode params)
      throws RpcClientException, CallRevertedException {
    ObjectNode request = JSON.createObjectNode();
    request.put("jsonrpc", "2.0").put("id", ids.incrementAndGet()).put("method", method);
    request.set("params", params);
    HttpResponse<String> response;
    try {
      response = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
          .header("content-type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(request.toString())).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new RpcClientException(method + ": cannot reach " + url + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RpcClientException(method + ": interrupted", e);
    }
    if (response.statusCode() != 200) {
      throw new RpcClientException(method + ": HTTP " + response.statusCode() + " from " + url);
    }
    JsonNode answer;
    try {
      answer = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new RpcClientException(method + ": the answer is not JSON: " + e.getMessage(), e);
    }
    JsonNode error = answer.get("error");
    if (error != null && !error.isNull()) {
      String message = error.path("message").asText("");
      if (error.path("code").asInt() == REVERTED) {
        throw new CallRevertedException(message.startsWith(REVERT_PREFIX)
            ? message.substring(REVERT_PREFIX.length()) : message);
      }
      throw new RpcClientException(method + ": " + message + " (code " + error.path("code").asInt() + ")");
    }
    return answer.path("result");
  }

  /** As {@link #call}, for methods that never revert. */
  public JsonNode read(String method, ArrayNode params) throws RpcClientException {
    try {
      return call(method, params);
    } catch (CallRevertedException e) {
      throw new RpcClientException(method + ": execution reverted: " + e.getMessage(), e);
    }
  }

  /** A hex quantity ({@code 0x1a}) as a number. */
  public static BigInteger quantity(JsonNode node) throws RpcClientException {
    String text = node.asText("");
    if (!text.startsWith("0x") || text.length() < 3) {
      throw new RpcClientException("expected a hex quantity, got " + node);
    }
    return new BigInteger(text.substring(2), 16);
  }

  /** {@code n} as a hex quantity. */
  public static String hex(BigInteger n) {
    return "0x" + n.toString(16);
  }

  /** {@code n} as a hex quantity. */
  public static String hex(long n) {
    return "0x" + Long.toHexString(n);
  }
}
