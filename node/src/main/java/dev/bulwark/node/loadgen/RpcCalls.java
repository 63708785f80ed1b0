package dev.bulwark.node.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Blocking JSON-RPC over HTTP for the phases outside the measured load: setup, funding, block
 * reads and the receipt check. Failures are {@link LoadgenException}s.
 */
final class RpcCalls {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final URI url;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  RpcCalls(URI url) {
    this.url = url;
  }

  URI url() {
    return url;
  }

  /** The result of one call; an error answer is a {@link LoadgenException}. */
  JsonNode call(String method, String params) {
    JsonNode answer = parse(post(body(1, method, params)));
    if (!answer.has("result")) {
      throw new LoadgenException(method + " failed at " + url + ": " + answer.get("error"));
    }
    return answer.get("result");
  }

  /** The entries of one batch in request order (each an answer object with result or error). */
  List<JsonNode> batch(List<String> bodies) {
    if (bodies.isEmpty()) {
      return List.of();
    }
    JsonNode answers = parse(post("[" + String.join(",", bodies) + "]"));
    if (!answers.isArray() || answers.size() != bodies.size()) {
      throw new LoadgenException("a batch of " + bodies.size() + " got " + answers);
    }
    List<JsonNode> ordered = new ArrayList<>(answers.size());
    answers.forEach(ordered::add);
    ordered.sort((a, b) -> Long.compare(a.path("id").asLong(), b.path("id").asLong()));
    return ordered;
  }

  /** A quantity result ("0x…") as a number. */
  static BigInteger quantity(JsonNode n) {
    String text = n.asText();
    if (!text.startsWith("0x")) {
      throw new LoadgenException("not a quantity: " + n);
    }
    return new BigInteger(text.substring(2), 16);
  }

  /** The text of one request. */
  static String body(long id, String method, String params) {
    return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}";
  }

  private String post(String body) {
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(url).timeout(TIMEOUT)
          .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new LoadgenException("HTTP " + r.statusCode() + " from " + url + ": " + r.body());
      }
      return r.body();
    } catch (IOException e) {
      throw new LoadgenException("cannot reach " + url + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LoadgenException("interrupted while calling " + url, e);
    }
  }

  private static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new LoadgenException("unreadable JSON-RPC answer: " + text, e);
    }
  }
}
