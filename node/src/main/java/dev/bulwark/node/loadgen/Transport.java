package dev.bulwark.node.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends JSON-RPC batches asynchronously, round-robin over the endpoints: over keep-alive HTTP
 * connections, or over WebSockets (answers matched to batches by the first entry's id, which the
 * caller keeps unique). The answer is the parsed response array.
 */
final class Transport implements AutoCloseable {
  /** Largest message either way: a batch of 1,000 signed transfers is about 250 KB. */
  static final int MAX_MESSAGE_BYTES = 8 * 1024 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Vertx vertx;
  private final List<Channel> channels = new ArrayList<>();
  private final AtomicLong turn = new AtomicLong();
  private WebSocketClient webSockets;

  private interface Channel {
    CompletableFuture<JsonNode> send(long firstId, String body);
  }

  private Transport(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Connects to every endpoint: {@code connections} HTTP connections or WebSockets each. */
  static Transport open(List<URI> urls, boolean webSocket, int connections) {
    Transport t = new Transport(Vertx.vertx());
    try {
      if (webSocket) {
        WebSocketClient client = t.vertx.createWebSocketClient(new WebSocketClientOptions()
            .setMaxFrameSize(MAX_MESSAGE_BYTES).setMaxMessageSize(MAX_MESSAGE_BYTES)
            .setMaxConnections(urls.size() * connections));
        t.webSockets = client;
        for (URI u : urls) {
          for (int c = 0; c < connections; c++) {
            WebSocket ws = client.connect(connectOptions(u))
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            t.channels.add(new WsChannel(ws));
          }
        }
      } else {
        HttpClient client = t.vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
            .setTcpNoDelay(true), new PoolOptions().setHttp1MaxSize(connections));
        for (URI u : urls) {
          RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setHost(u.getHost())
              .setPort(port(u)).setURI(path(u)).putHeader("content-type", "application/json");
          t.channels.add((firstId, body) -> client.request(request)
              .compose(req -> req.send(Buffer.buffer(body)))
              .compose(resp -> resp.statusCode() == 200 ? resp.body()
                  : Future.failedFuture("HTTP " + resp.statusCode()))
              .toCompletionStage().toCompletableFuture()
              .thenApply(b -> parse(b.toString())));
        }
      }
      return t;
    } catch (Exception e) {
      t.close();
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new LoadgenException("cannot connect to " + urls + ": " + e.getMessage(), e);
    }
  }

  /** Sends one batch whose first entry has id {@code firstId} to the next endpoint in turn. */
  CompletableFuture<JsonNode> send(long firstId, String body) {
    return channels.get((int) (turn.getAndIncrement() % channels.size())).send(firstId, body);
  }

  @Override
  public void close() {
    try {
      if (webSockets != null) {
        // Vert.x would otherwise wait out its graceful WebSocket shutdown on close.
        webSockets.shutdown(1, TimeUnit.SECONDS).toCompletionStage().toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
      }
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new LoadgenException("the client did not close: " + e, e);
    }
  }

  static int port(URI u) {
    if (u.getPort() > 0) {
      return u.getPort();
    }
    return "https".equals(u.getScheme()) || "wss".equals(u.getScheme()) ? 443 : 80;
  }

  /** A WebSocket to {@code u}'s host, port and path, without the Origin header browsers send. */
  static WebSocketConnectOptions connectOptions(URI u) {
    WebSocketConnectOptions o = new WebSocketConnectOptions().setAllowOriginHeader(false);
    o.setHost(u.getHost()).setPort(port(u)).setURI(path(u));
    return o;
  }

  static String path(URI u) {
    return u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
  }

  static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new LoadgenException("unreadable JSON-RPC answer: " + text, e);
    }
  }

  /** One WebSocket: batches in, answers out, matched by the first entry's id. */
  private static final class WsChannel implements Channel {
    private final WebSocket ws;
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    WsChannel(WebSocket ws) {
      this.ws = ws;
      ws.textMessageHandler(this::answer);
      ws.closeHandler(v -> fail(new LoadgenException("the WebSocket closed")));
      ws.exceptionHandler(this::fail);
    }

    @Override
    public CompletableFuture<JsonNode> send(long firstId, String body) {
      CompletableFuture<JsonNode> f = new CompletableFuture<>();
      pending.put(firstId, f);
      ws.writeTextMessage(body).onFailure(e -> {
        pending.remove(firstId);
        f.completeExceptionally(e);
      });
      return f;
    }

    private void answer(String text) {
      JsonNode answer;
      try {
        answer = parse(text);
      } catch (LoadgenException e) {
        fail(e);
        return;
      }
      JsonNode first = answer.isArray() && !answer.isEmpty() ? answer.get(0) : answer;
      CompletableFuture<JsonNode> f = pending.remove(first.path("id").asLong(-1));
      if (f != null) {
        f.complete(answer);
      }
    }

    private void fail(Throwable e) {
      pending.values().forEach(f -> f.completeExceptionally(e));
      pending.clear();
    }
  }
}
