package dev.bulwark.rpc.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.ledger.testkit.Await;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code GET /health} serves a cached JSON snapshot with a numeric top-level height. */
class HttpServerVerticleTest {
  private final Vertx vertx = Vertx.vertx();
  private final HttpClient client = HttpClient.newHttpClient();

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private long servedHeight(int port) {
    try {
      return new ObjectMapper().readTree(get(port, "/health").body()).get("height").asLong();
    } catch (Exception e) {
      throw new IllegalStateException("GET /health failed", e); // Await counts it as not yet
    }
  }

  @Test
  void healthIsASnapshotRefreshedPeriodicallyNotPerRequest() throws Exception {
    AtomicLong height = new AtomicLong(7);
    AtomicInteger builds = new AtomicInteger();
    HttpServerVerticle server = new HttpServerVerticle("127.0.0.1", 0, () -> {
      builds.incrementAndGet();
      return new Health(height.get(), "0xabc", 1337, 9, 1, 3, false, "validator");
    }, () -> "# metrics\n");
    vertx.deployVerticle(server).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

    HttpResponse<String> r = get(server.actualPort(), "/health");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type")).contains("application/json");
    JsonNode json = new ObjectMapper().readTree(r.body());
    assertThat(json.get("height").isNumber()).isTrue();
    assertThat(json.get("height").asLong()).isEqualTo(7);
    assertThat(json.get("role").asText()).isEqualTo("validator");
    assertThat(json.get("chainId").asLong()).isEqualTo(1337);

    int before = builds.get();
    for (int i = 0; i < 50; i++) {
      assertThat(get(server.actualPort(), "/health").statusCode()).isEqualTo(200);
    }
    // 50 requests cost at most the periodic rebuilds that happened meanwhile, not 50 builds
    assertThat(builds.get() - before).isLessThan(50);

    height.set(8);
    Await.until("the snapshot is refreshed", Duration.ofSeconds(10),
        () -> servedHeight(server.actualPort()), h -> h == 8);
    assertThat(get(server.actualPort(), "/metrics").body()).isEqualTo("# metrics\n");
    assertThat(get(server.actualPort(), "/nope").statusCode()).isEqualTo(404);
  }
}
