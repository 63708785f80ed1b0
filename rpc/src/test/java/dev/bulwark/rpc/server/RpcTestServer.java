package dev.bulwark.rpc.server;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.bulwark.rpc.jsonrpc.RpcConnection;
import dev.bulwark.rpc.jsonrpc.RpcException;
import dev.bulwark.rpc.jsonrpc.RpcLimits;
import dev.bulwark.rpc.jsonrpc.RpcMethods;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A JSON-RPC server on a free loopback port with a few test methods, and a raw HTTP client. */
final class RpcTestServer implements AutoCloseable {
  /** Small limits, so the tests can cross each one cheaply. */
  static final RpcLimits LIMITS = new RpcLimits(64 * 1024, 10, 4096, 50, 3, 1000, 300_000, 10_000, 10_000);

  final Vertx vertx = Vertx.vertx();
  final AtomicInteger counter = new AtomicInteger();
  final AtomicInteger closedConnections = new AtomicInteger();
  final CountDownLatch release = new CountDownLatch(1);
  final HttpServerVerticle verticle;
  final int port;

  RpcTestServer(RpcLimits limits, List<String> corsOrigins) throws Exception {
    RpcMethods methods = new RpcMethods();
    methods.register("echo", (p, c) -> p.size() == 0 ? JsonNodeFactory.instance.arrayNode() : p.raw(0));
    methods.register("add", (p, c) -> {
      p.expect(2, 2);
      return JsonNodeFactory.instance.numberNode(p.quantity(0) + p.quantity(1));
    });
    methods.register("thread", (p, c) -> TextNode.valueOf(Thread.currentThread().getName()));
    methods.register("boom", (p, c) -> {
      throw new IllegalStateException("dev.bulwark.secret.Internal failed at line 42");
    });
    methods.register("fail", (p, c) -> {
      throw new RpcException(RpcException.SERVER_ERROR, "nope", TextNode.valueOf("0x01"));
    });
    methods.register("count", (p, c) -> JsonNodeFactory.instance.numberNode(counter.incrementAndGet()));
    methods.register("wait", (p, c) -> {
      try {
        return JsonNodeFactory.instance.booleanNode(release.await(20, TimeUnit.SECONDS));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RpcException(RpcException.INTERNAL_ERROR, "interrupted");
      }
    });
    // Notifies before it returns: the server must still deliver its response first.
    methods.register("sub", (p, c) -> {
      RpcConnection conn = c.connection().orElseThrow(
          () -> new RpcException(RpcException.SERVER_ERROR, "notifications not supported"));
      conn.onClose(closedConnections::incrementAndGet);
      for (int i = 0; i < 3; i++) {
        conn.notify("0xabc", JsonNodeFactory.instance.numberNode(i));
      }
      return TextNode.valueOf("0xabc");
    });
    // Sends params[0] notifications of params[1] characters each from another thread, as a busy
    // subscription does, after answering.
    methods.register("flood", (p, c) -> {
      RpcConnection conn = c.connection().orElseThrow(
          () -> new RpcException(RpcException.SERVER_ERROR, "notifications not supported"));
      conn.onClose(closedConnections::incrementAndGet);
      long count = p.quantity(0);
      TextNode payload = TextNode.valueOf("x".repeat((int) p.quantity(1)));
      Thread flood = new Thread(() -> {
        for (long i = 0; i < count && conn.isOpen(); i++) {
          conn.notify("0xf1", payload);
        }
      }, "flood");
      flood.setDaemon(true);
      flood.start();
      return TextNode.valueOf("0xf1");
    });
    methods.register("limit", (p, c) ->
        JsonNodeFactory.instance.numberNode(c.limits().maxSubscriptionsPerConnection()));
    NetApi.register(methods, 1337, "1.2.3", () -> 5);
    verticle = new HttpServerVerticle(
        new RpcServerConfig("127.0.0.1", 0, limits, corsOrigins, RpcServerConfig.DEFAULT_ALLOWED_HOSTS),
        methods, () -> new Health(1, "0x01", 1337, 1, 0, 0, false, "validator"), () -> "");
    vertx.deployVerticle(verticle).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    port = verticle.actualPort();
  }

  RpcTestServer() throws Exception {
    this(LIMITS, List.of("https://app.example"));
  }

  /** One raw HTTP/1.1 exchange on a new socket ({@code Connection: close}). */
  Raw raw(String method, String path, String host, List<String> headers, byte[] body) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(20_000);
      StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
      if (host != null) {
        head.append("Host: ").append(host).append("\r\n");
      }
      for (String h : headers) {
        head.append(h).append("\r\n");
      }
      if (body != null) {
        head.append("Content-Length: ").append(body.length).append("\r\n");
      }
      head.append("Connection: close\r\n\r\n");
      OutputStream out = s.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      if (body != null) {
        out.write(body);
      }
      out.flush();
      return Raw.parse(readAll(s.getInputStream()));
    }
  }

  /** {@code POST /} of {@code body} with {@code Host: localhost}. */
  Raw post(byte[] body) throws IOException {
    return raw("POST", "/", "localhost:" + port, List.of("Content-Type: application/json"), body);
  }

  Raw post(String body) throws IOException {
    return post(body.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    in.transferTo(out);
    return out.toByteArray();
  }

  @Override
  public void close() throws Exception {
    release.countDown();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** A parsed HTTP response (headers lower-cased; chunked bodies decoded). */
  record Raw(int status, java.util.Map<String, String> headers, String body) {
    static Raw parse(byte[] bytes) {
      String all = new String(bytes, StandardCharsets.UTF_8);
      int split = all.indexOf("\r\n\r\n");
      String[] lines = all.substring(0, split).split("\r\n");
      int status = Integer.parseInt(lines[0].split(" ")[1]);
      java.util.Map<String, String> headers = new java.util.TreeMap<>();
      for (int i = 1; i < lines.length; i++) {
        int c = lines[i].indexOf(':');
        headers.put(lines[i].substring(0, c).trim().toLowerCase(java.util.Locale.ROOT),
            lines[i].substring(c + 1).trim());
      }
      String body = all.substring(split + 4);
      if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
        StringBuilder b = new StringBuilder();
        int at = 0;
        while (true) {
          int eol = body.indexOf("\r\n", at);
          int len = Integer.parseInt(body.substring(at, eol).trim(), 16);
          if (len == 0) {
            break;
          }
          b.append(body, eol + 2, eol + 2 + len);
          at = eol + 2 + len + 2;
        }
        body = b.toString();
      }
      return new Raw(status, headers, body);
    }
  }
}
