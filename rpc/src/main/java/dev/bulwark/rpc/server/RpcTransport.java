package dev.bulwark.rpc.server;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.bulwark.rpc.jsonrpc.RpcException;
import dev.bulwark.rpc.jsonrpc.RpcLimits;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON-RPC over HTTP {@code POST /} and WebSocket on {@code /}: the host allowlist, the origin
 * rule, the connection and body limits, CORS preflights, and the hand-off of each body or message
 * to the worker pool (store reads never run on an event loop).
 */
final class RpcTransport {
  private static final Logger LOG = LoggerFactory.getLogger(RpcTransport.class);
  private static final String ALLOWED_METHODS = "POST, GET, OPTIONS";

  private final RpcServerConfig config;
  private final RpcDispatcher dispatcher;
  private final Executor pool;
  private final AccessPolicy access;
  private final Set<HttpConnection> live = ConcurrentHashMap.newKeySet();
  private final Set<HttpConnection> refused = ConcurrentHashMap.newKeySet();
  private volatile int port;

  RpcTransport(RpcServerConfig config, RpcDispatcher dispatcher, Executor pool) {
    this.config = config;
    this.dispatcher = dispatcher;
    this.pool = pool;
    this.access = new AccessPolicy(config.corsOrigins(), config.allowedHosts());
    this.port = config.port();
  }

  /** The port actually bound, for the node's own origin. */
  void boundTo(int actualPort) {
    port = actualPort;
  }

  /** Open HTTP and WebSocket connections. */
  int openConnections() {
    return live.size();
  }

  /** Counts a new connection; one past the limit is answered 503 and closed. */
  void connected(HttpConnection connection) {
    live.add(connection);
    if (live.size() > config.limits().maxConnections()) {
      refused.add(connection);
    }
    connection.closeHandler(v -> released(connection));
  }

  // An upgraded connection reports its end through the WebSocket, so both paths release, once.
  private void released(HttpConnection connection) {
    live.remove(connection);
    refused.remove(connection);
  }

  /**
   * Handles {@code request} when it is refused or is for {@code /}; false leaves it to the router.
   */
  boolean handle(HttpServerRequest request) {
    RpcLimits limits = config.limits();
    if (refused.contains(request.connection())) {
      request.response().putHeader("connection", "close");
      answerAfterBody(request, 503, "too many connections: limit " + limits.maxConnections()
          + " (--rpc-max-connections)");
      return true;
    }
    String host = request.getHeader("host");
    if (!access.hostAllowed(host)) {
      answerAfterBody(request, 403, "host not allowed: " + AccessPolicy.hostName(host)
          + " (--rpc-allowed-hosts)");
      return true;
    }
    if (!"/".equals(request.path())) {
      return false;
    }
    String origin = request.getHeader("origin");
    boolean originAllowed = origin == null || access.originAllowed(origin, selfOrigins(host));
    if (request.method() == HttpMethod.OPTIONS) {
      preflight(request, origin, originAllowed);
    } else if (isUpgrade(request)) {
      if (!originAllowed) {
        answerAfterBody(request, 403, "origin not allowed: " + origin + " (--rpc-cors-origins)");
      } else {
        upgrade(request);
      }
    } else if (request.method() == HttpMethod.POST) {
      if (origin != null && originAllowed) {
        corsHeaders(request.response(), origin);
      }
      readBody(request);
    } else {
      request.response().putHeader("allow", ALLOWED_METHODS);
      answerAfterBody(request, 405, "method not allowed: JSON-RPC takes POST or a WebSocket upgrade");
    }
    return true;
  }

  private List<String> selfOrigins(String host) {
    String bound = "http://" + config.host() + ":" + port;
    return host == null ? List.of(bound) : List.of("http://" + host.trim(), bound);
  }

  private static boolean isUpgrade(HttpServerRequest request) {
    String upgrade = request.getHeader("upgrade");
    return request.method() == HttpMethod.GET && upgrade != null && upgrade.equalsIgnoreCase("websocket");
  }

  private void preflight(HttpServerRequest request, String origin, boolean originAllowed) {
    HttpServerResponse response = request.response();
    if (origin == null) {
      response.putHeader("allow", ALLOWED_METHODS);
      answerAfterBody(request, 204, null);
      return;
    }
    if (!originAllowed) {
      answerAfterBody(request, 403, "origin not allowed: " + origin + " (--rpc-cors-origins)");
      return;
    }
    corsHeaders(response, origin);
    String asked = request.getHeader("access-control-request-headers");
    response.putHeader("access-control-allow-methods", ALLOWED_METHODS)
        .putHeader("access-control-allow-headers", asked == null || asked.isBlank() ? "content-type" : asked)
        .putHeader("access-control-max-age", "600");
    answerAfterBody(request, 204, null);
  }

  private void corsHeaders(HttpServerResponse response, String origin) {
    response.putHeader("access-control-allow-origin", access.allowOriginHeader(origin))
        .putHeader("vary", "Origin");
  }

  private void upgrade(HttpServerRequest request) {
    Context context = Vertx.currentContext();
    HttpConnection http = request.connection();
    request.toWebSocket().onSuccess(socket -> {
      WsConnection connection = new WsConnection(socket, context, dispatcher, pool,
          config.limits());
      connection.onClose(() -> released(http));
      connection.start();
    }).onFailure(e -> LOG.debug("WebSocket upgrade failed: {}", e.toString()));
  }

  private void readBody(HttpServerRequest request) {
    long max = config.limits().maxBodyBytes();
    BodyReader body = new BodyReader(max);
    String declared = request.getHeader("content-length");
    if (declared != null) {
      try {
        if (Long.parseLong(declared.trim()) > max) {
          body.overflow();
        }
      } catch (NumberFormatException e) {
        // Netty has already refused a malformed length; the reader counts what actually arrives.
      }
    }
    request.handler(body::add);
    request.exceptionHandler(e -> LOG.debug("reading an RPC request failed: {}", e.toString()));
    request.endHandler(v -> {
      if (body.over()) {
        // Only now, with the whole upload read, so the client sees the answer and not a reset.
        answer(request, 413, "request body too large: " + body.size() + " bytes, limit " + max
            + " (--rpc-max-body-size)");
        return;
      }
      byte[] bytes = body.bytes();
      Context context = Vertx.currentContext();
      try {
        pool.execute(() -> {
          byte[] out = dispatcher.handle(bytes, Optional.empty());
          context.runOnContext(x -> respond(request.response(), 200, out));
        });
      } catch (RejectedExecutionException e) {
        answer(request, 503, "the node is shutting down");
      }
    });
  }

  private static void respond(HttpServerResponse response, int status, byte[] body) {
    if (response.closed() || response.ended()) {
      return;
    }
    response.setStatusCode(status);
    if (body == null) {
      response.end();
    } else {
      response.putHeader("content-type", "application/json").end(Buffer.buffer(body));
    }
  }

  private void answerAfterBody(HttpServerRequest request, int status, String message) {
    request.handler(chunk -> { });
    request.endHandler(v -> answer(request, status, message));
  }

  private static void answer(HttpServerRequest request, int status, String message) {
    respond(request.response(), status, message == null ? null
        : RpcDispatcher.errorResponse(NullNode.instance, RpcException.INVALID_REQUEST, message));
  }

  /** Collects a body up to the limit and only counts past it. */
  private static final class BodyReader {
    private final long max;
    private Buffer data = Buffer.buffer();
    private long size;
    private boolean over;

    BodyReader(long max) {
      this.max = max;
    }

    void overflow() {
      over = true;
      data = null;
    }

    void add(Buffer chunk) {
      size += chunk.length();
      if (!over && size > max) {
        overflow();
      }
      if (!over) {
        data.appendBuffer(chunk);
      }
    }

    boolean over() {
      return over;
    }

    long size() {
      return size;
    }

    byte[] bytes() {
      return data.getBytes();
    }
  }
}
