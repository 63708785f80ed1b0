package dev.bulwark.rpc.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.VerticleBase;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's HTTP server on the RPC port: {@code GET /health} (a JSON snapshot rebuilt at most
 * every {@link #REFRESH_MILLIS} ms, so a flood of health checks costs a buffer write each) and
 * {@code GET /metrics} (Prometheus text). The JSON-RPC endpoint is mounted on the same router.
 */
public final class HttpServerVerticle extends VerticleBase {
  /** How stale the served health snapshot may be. */
  public static final long REFRESH_MILLIS = 100;

  private static final Logger LOG = LoggerFactory.getLogger(HttpServerVerticle.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String host;
  private final int port;
  private final Supplier<Health> health;
  private final Supplier<String> metrics;
  private volatile Buffer healthJson;
  private HttpServer server;
  private long refreshTimer = -1;

  /** A server on {@code host:port} reporting {@code health} and the {@code metrics} scrape. */
  public HttpServerVerticle(String host, int port, Supplier<Health> health, Supplier<String> metrics) {
    this.host = host;
    this.port = port;
    this.health = health;
    this.metrics = metrics;
  }

  @Override
  public Future<?> start() {
    refresh();
    refreshTimer = vertx.setPeriodic(REFRESH_MILLIS, id -> refresh());
    Router router = Router.router(vertx);
    router.get("/health").handler(ctx -> ctx.response()
        .putHeader("content-type", "application/json")
        .putHeader("cache-control", "no-store")
        .end(healthJson));
    router.get("/metrics").handler(ctx -> ctx.response()
        .putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8")
        .end(metrics.get()));
    server = vertx.createHttpServer().requestHandler(router);
    return server.listen(port, host)
        .onSuccess(s -> LOG.info("HTTP server listening on {}:{} (/health, /metrics)", host, s.actualPort()))
        .onFailure(e -> LOG.error("cannot listen for HTTP on {}:{}: {}", host, port, e.getMessage()));
  }

  /** The port actually bound (useful with port 0 in tests). */
  public int actualPort() {
    return server.actualPort();
  }

  private void refresh() {
    try {
      healthJson = Buffer.buffer(JSON.writeValueAsBytes(health.get()));
    } catch (JsonProcessingException | RuntimeException e) {
      LOG.warn("cannot build the health snapshot: {}", e.toString());
    }
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(refreshTimer);
    return server == null ? Future.succeededFuture() : server.close();
  }
}
