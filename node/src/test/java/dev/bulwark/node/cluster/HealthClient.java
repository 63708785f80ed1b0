package dev.bulwark.node.cluster;

import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks a node for {@code GET /health} over HTTP with short timeouts. */
final class HealthClient {
  private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(500);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
  private static final JsonMapper JSON = new JsonMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();

  /**
   * The health of the node whose RPC server listens on {@code port}; throws {@link
   * UncheckedIOException} when it cannot be reached (not up yet, or dead) and {@link
   * IllegalStateException} for any answer other than 200 with a valid health object.
   */
  Health get(int port) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
        .timeout(REQUEST_TIMEOUT)
        .GET()
        .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("port " + port + " unreachable", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking port " + port + " for health", e);
    }
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET /health on port " + port + " answered " + response.statusCode()
          + ": " + response.body());
    }
    try {
      return Health.of(JSON.readTree(response.body()));
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalStateException("GET /health on port " + port + " gave a bad body: " + response.body(), e);
    }
  }
}
