package dev.bulwark.rpc.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.rpc.jsonrpc.RpcMethods;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's HTTP server on the RPC port: JSON-RPC over {@code POST /} and WebSocket on {@code /}
 * (see {@link RpcTransport}), {@code GET /health} (a JSON snapshot rebuilt at most every
 * {@link #REFRESH_MILLIS} ms, so a flood of health checks costs a buffer write each),
 * {@code GET /livez}, {@code GET /readyz} (503 while syncing), {@code GET /metrics}, and the
 * block explorer at {@code /explorer} with {@code /chain.json} (see {@link ExplorerRoutes}).
 */
public final class HttpServerVerticle extends VerticleBase {
  /** How stale the served health snapshot may be. */
  public static final long REFRESH_MILLIS = 100;

  private static final Logger LOG = LoggerFactory.getLogger(HttpServerVerticle.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RpcServerConfig config;
  private final RpcMethods methods;
  private final Supplier<Health> health;
  private final Supplier<String> metrics;
  private volatile Buffer healthJson;
  private volatile boolean syncing;
  private HttpServer server;
  private ExecutorService pool;
  private RpcTransport transport;
  private long refreshTimer = -1;

  /** A server as {@code config} says, answering {@code methods}, {@code health} and {@code metrics}. */
  public HttpServerVerticle(RpcServerConfig config, RpcMethods methods, Supplier<Health> health,
      Supplier<String> metrics) {
    if (config == null || methods == null || health == null || metrics == null) {
      throw new IllegalArgumentException("the HTTP server needs its config, methods, health and metrics");
    }
    this.config = config;
    this.methods = methods;
    this.health = health;
    this.metrics = metrics;
  }

  /** A server on {@code host:port} with default limits and no JSON-RPC methods. */
  public HttpServerVerticle(String host, int port, Supplier<Health> health, Supplier<String> metrics) {
    this(RpcServerConfig.defaults(host, port), new RpcMethods(), health, metrics);
  }

  /** Threads answering JSON-RPC calls (they may block on store reads). */
  static int workerThreads() {
    return Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
  }

  @Override
  public Future<?> start() {
    refresh();
    refreshTimer = vertx.setPeriodic(REFRESH_MILLIS, id -> refresh());
    pool = workerPool(config.port());
    transport = new RpcTransport(config, new RpcDispatcher(methods, config.limits()), pool);
    Router router = Router.router(vertx);
    router.get("/health").handler(ctx -> ctx.response()
        .putHeader("content-type", "application/json")
        .putHeader("cache-control", "no-store")
        .end(healthJson));
    router.get("/livez").handler(ctx -> ctx.response().end("ok\n"));
    router.get("/readyz").handler(ctx -> ctx.response().setStatusCode(syncing ? 503 : 200)
        .end(syncing ? "syncing\n" : "ok\n"));
    router.get("/metrics").handler(ctx -> ctx.response()
        .putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8")
        .end(metrics.get()));
    ExplorerRoutes.mount(router, methods);
    int frame = config.limits().maxFrameBytes();
    HttpServerOptions options = new HttpServerOptions()
        .setMaxWebSocketFrameSize(frame)
        .setMaxWebSocketMessageSize(frame)
        .setHandle100ContinueAutomatically(true);
    server = vertx.createHttpServer(options)
        .connectionHandler(transport::connected)
        .requestHandler(request -> {
          if (!transport.handle(request)) {
            router.handle(request);
          }
        });
    warnIfExposed();
    return server.listen(config.port(), config.host())
        .onSuccess(s -> {
          transport.boundTo(s.actualPort());
          LOG.info("HTTP server listening on {}:{} (JSON-RPC on POST / and WebSocket /, /health, /metrics)",
              config.host(), s.actualPort());
        })
        .onFailure(e -> LOG.error("cannot listen for HTTP on {}:{}: {}", config.host(), config.port(),
            e.getMessage()));
  }

  private static ExecutorService workerPool(int port) {
    AtomicInteger n = new AtomicInteger();
    int threads = workerThreads();
    return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
      Thread t = new Thread(r, "rpc-" + port + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  private void warnIfExposed() {
    try {
      InetAddress address = InetAddress.getByName(config.host());
      if (!address.isLoopbackAddress()) {
        LOG.warn("JSON-RPC is bound to {}, a non-loopback address: anyone who can reach it can call"
            + " the node (host allowlist {}, CORS origins {})", config.host(), config.allowedHosts(),
            config.corsOrigins());
      }
    } catch (UnknownHostException e) {
      LOG.warn("cannot resolve the RPC host {}: {}", config.host(), e.getMessage());
    }
  }

  /** The port actually bound (useful with port 0 in tests). */
  public int actualPort() {
    return server.actualPort();
  }

  /** Open HTTP and WebSocket connections. */
  public int openConnections() {
    return transport.openConnections();
  }

  private void refresh() {
    try {
      Health h = health.get();
      syncing = h.syncing();
      healthJson = Buffer.buffer(JSON.writeValueAsBytes(h));
    } catch (JsonProcessingException | RuntimeException e) {
      LOG.warn("cannot build the health snapshot: {}", e.toString());
    }
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(refreshTimer);
    Future<Void> closed = server == null ? Future.succeededFuture() : server.close();
    return closed.eventually(() -> {
      if (pool != null) {
        pool.shutdown();
      }
      return Future.succeededFuture();
    });
  }
}
