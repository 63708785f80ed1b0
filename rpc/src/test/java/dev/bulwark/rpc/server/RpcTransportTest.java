package dev.bulwark.rpc.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.ledger.testkit.Await;
import dev.bulwark.rpc.jsonrpc.RpcLimits;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Transport rules: limits, CORS, origins, hosts, notifications, ordering, off-loop dispatch. */
class RpcTransportTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private RpcTestServer server;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    server = new RpcTestServer();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private static String call(int id, String method, String params) {
    return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}";
  }

  private void assertServed() throws Exception {
    assertThat(server.post(BadEnvelopeCases.VALID).body()).isEqualTo(BadEnvelopeCases.VALID_ANSWER);
  }

  @Test
  void aBodyOverTheLimitGets413AfterTheWholeUploadWasRead() throws Exception {
    byte[] body = new byte[200 * 1024];
    Arrays.fill(body, (byte) ' ');
    RpcTestServer.Raw r = server.post(body);
    assertThat(r.status()).isEqualTo(413);
    assertThat(r.body()).isEqualTo(BadEnvelopeCases.err("null", -32600,
        "request body too large: 204800 bytes, limit 65536 (--rpc-max-body-size)"));
    assertServed();
  }

  @Test
  void aChunkedBodyOverTheLimitGets413Too() throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.port)) {
      s.setSoTimeout(20_000);
      OutputStream out = s.getOutputStream();
      out.write(("POST / HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n"
          + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      byte[] chunk = new byte[16 * 1024];
      Arrays.fill(chunk, (byte) ' ');
      for (int i = 0; i < 10; i++) {
        out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(chunk);
        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
      }
      out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      RpcTestServer.Raw r = RpcTestServer.Raw.parse(RpcTestServer.readAll(s.getInputStream()));
      assertThat(r.status()).isEqualTo(413);
      assertThat(r.body()).contains("request body too large: 163840 bytes, limit 65536 (--rpc-max-body-size)");
    }
    assertServed();
  }

  @Test
  void aBodyAtTheLimitIsServed() throws Exception {
    String call = BadEnvelopeCases.VALID;
    byte[] body = (call + " ".repeat(65536 - call.length())).getBytes(StandardCharsets.UTF_8);
    assertThat(body).hasSize(65536);
    assertThat(server.post(body).body()).isEqualTo(BadEnvelopeCases.VALID_ANSWER);
  }

  @Test
  void notificationsRunButGetNoAnswer() throws Exception {
    RpcTestServer.Raw r = server.post("{\"jsonrpc\":\"2.0\",\"method\":\"count\",\"params\":[]}");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).isEmpty();
    assertThat(server.counter.get()).isEqualTo(1);
    // A notification to an unknown method or with bad params is not answered either.
    assertThat(server.post("{\"jsonrpc\":\"2.0\",\"method\":\"nope\"}").body()).isEmpty();
    assertThat(server.post("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":{}}").body()).isEmpty();
    RpcTestServer.Raw batch = server.post("[{\"jsonrpc\":\"2.0\",\"method\":\"count\"},"
        + "{\"jsonrpc\":\"2.0\",\"method\":\"count\"}]");
    assertThat(batch.status()).isEqualTo(200);
    assertThat(batch.body()).isEmpty();
    assertThat(server.counter.get()).isEqualTo(3);
    RpcTestServer.Raw mixed = server.post("[{\"jsonrpc\":\"2.0\",\"method\":\"count\"},"
        + call(7, "count", "[]") + "]");
    assertThat(mixed.body()).isEqualTo("[{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":5}]");
  }

  @Test
  void aBatchIsAnsweredInRequestOrder() throws Exception {
    String batch = IntStream.range(0, 10).mapToObj(i -> call(100 - i, "add", "[\"0x" + i + "\",\"0x1\"]"))
        .collect(Collectors.joining(",", "[", "]"));
    JsonNode answers = JSON.readTree(server.post(batch).body());
    assertThat(answers).hasSize(10);
    for (int i = 0; i < 10; i++) {
      assertThat(answers.get(i).get("id").asInt()).isEqualTo(100 - i);
      assertThat(answers.get(i).get("result").asInt()).isEqualTo(i + 1);
    }
  }

  @Test
  void methodsRunOnTheWorkerPoolNotAnEventLoop() throws Exception {
    String thread = JSON.readTree(server.post(call(1, "thread", "[]")).body()).get("result").asText();
    assertThat(thread).startsWith("rpc-").doesNotContain("eventloop");
    try (WsClient ws = new WsClient(server.port, null)) {
      ws.send(call(2, "thread", "[]"));
      assertThat(JSON.readTree(ws.next()).get("result").asText()).startsWith("rpc-");
    }
  }

  @Test
  void theConfiguredLimitsReachTheMethods() throws Exception {
    assertThat(server.post(call(1, "limit", "[]")).body()).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":3}");
  }

  @Test
  void preflightFromAnAllowedOriginGets204WithTheAllowHeaders() throws Exception {
    RpcTestServer.Raw r = server.raw("OPTIONS", "/", "localhost:" + server.port, List.of(
        "Origin: https://app.example", "Access-Control-Request-Method: POST",
        "Access-Control-Request-Headers: content-type"), null);
    assertThat(r.status()).isEqualTo(204);
    assertThat(r.headers()).containsEntry("access-control-allow-origin", "https://app.example")
        .containsEntry("access-control-allow-methods", "POST, GET, OPTIONS")
        .containsEntry("access-control-allow-headers", "content-type")
        .containsEntry("vary", "Origin");
    RpcTestServer.Raw post = server.raw("POST", "/", "localhost", List.of("Origin: https://app.example"),
        BadEnvelopeCases.VALID.getBytes(StandardCharsets.UTF_8));
    assertThat(post.headers()).containsEntry("access-control-allow-origin", "https://app.example");
    assertThat(post.body()).isEqualTo(BadEnvelopeCases.VALID_ANSWER);
  }

  @Test
  void preflightFromAnotherOriginIsRefusedAndAPostGetsNoCorsHeader() throws Exception {
    RpcTestServer.Raw r = server.raw("OPTIONS", "/", "localhost", List.of(
        "Origin: https://evil.example", "Access-Control-Request-Method: POST"), null);
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.headers()).doesNotContainKey("access-control-allow-origin");
    assertThat(r.body()).isEqualTo(BadEnvelopeCases.err("null", -32600,
        "origin not allowed: https://evil.example (--rpc-cors-origins)"));
    // As geth: the call is answered, and the browser withholds it for want of the header.
    RpcTestServer.Raw post = server.raw("POST", "/", "localhost", List.of("Origin: https://evil.example"),
        BadEnvelopeCases.VALID.getBytes(StandardCharsets.UTF_8));
    assertThat(post.headers()).doesNotContainKey("access-control-allow-origin");
  }

  @Test
  void theNodesOwnOriginIsAlwaysAllowed() throws Exception {
    String self = "http://127.0.0.1:" + server.port;
    RpcTestServer.Raw r = server.raw("OPTIONS", "/", "127.0.0.1:" + server.port, List.of(
        "Origin: " + self, "Access-Control-Request-Method: POST"), null);
    assertThat(r.status()).isEqualTo(204);
    assertThat(r.headers()).containsEntry("access-control-allow-origin", self);
    RpcTestServer.Raw viaName = server.raw("OPTIONS", "/", "localhost:" + server.port, List.of(
        "Origin: http://localhost:" + server.port, "Access-Control-Request-Method: POST"), null);
    assertThat(viaName.status()).isEqualTo(204);
  }

  @Test
  void aWildcardAllowsEveryOrigin() throws Exception {
    try (RpcTestServer open = new RpcTestServer(RpcTestServer.LIMITS, List.of("*"))) {
      RpcTestServer.Raw r = open.raw("OPTIONS", "/", "localhost", List.of(
          "Origin: https://anything.example", "Access-Control-Request-Method: POST"), null);
      assertThat(r.status()).isEqualTo(204);
      assertThat(r.headers()).containsEntry("access-control-allow-origin", "*");
      try (WsClient ws = new WsClient(open.port, "https://anything.example")) {
        ws.send(BadEnvelopeCases.VALID);
        assertThat(ws.next()).isEqualTo(BadEnvelopeCases.VALID_ANSWER);
      }
    }
  }

  @Test
  void aWebSocketFromAnotherOriginIsRefusedAndAnAllowedOneServed() throws Exception {
    assertThatThrownBy(() -> new WsClient(server.port, "https://evil.example"))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(WebSocketHandshakeException.class)
        .satisfies(e -> assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode())
            .isEqualTo(403));
    for (String origin : new String[] {"https://app.example", "http://127.0.0.1:" + server.port, null}) {
      try (WsClient ws = new WsClient(server.port, origin)) {
        ws.send(BadEnvelopeCases.VALID);
        assertThat(ws.next()).as("origin %s", origin).isEqualTo(BadEnvelopeCases.VALID_ANSWER);
      }
    }
  }

  @Test
  void onlyAllowedHostsAndIpLiteralsAreServed() throws Exception {
    byte[] body = BadEnvelopeCases.VALID.getBytes(StandardCharsets.UTF_8);
    RpcTestServer.Raw evil = server.raw("POST", "/", "evil.example:8545", List.of(), body);
    assertThat(evil.status()).isEqualTo(403);
    assertThat(evil.body()).isEqualTo(BadEnvelopeCases.err("null", -32600,
        "host not allowed: evil.example (--rpc-allowed-hosts)"));
    assertThat(server.raw("GET", "/health", "evil.example", List.of(), null).status()).isEqualTo(403);
    for (String host : new String[] {"localhost", "LOCALHOST:8545", "127.0.0.1:8545", "10.1.2.3",
        "[::1]:8545", "[2001:db8::1]"}) {
      assertThat(server.raw("POST", "/", host, List.of(), body).body()).as(host)
          .isEqualTo(BadEnvelopeCases.VALID_ANSWER);
    }
    assertThat(server.raw("POST", "/", "999.1.1.1", List.of(), body).status()).isEqualTo(403);
  }

  @Test
  void otherHttpMethodsOnTheRpcPathGet405() throws Exception {
    RpcTestServer.Raw r = server.raw("GET", "/", "localhost", List.of(), null);
    assertThat(r.status()).isEqualTo(405);
    assertThat(r.headers()).containsEntry("allow", "POST, GET, OPTIONS");
    assertThat(server.raw("GET", "/livez", "localhost", List.of(), null).status()).isEqualTo(200);
    assertThat(server.raw("GET", "/readyz", "localhost", List.of(), null).status()).isEqualTo(200);
  }

  @Test
  void connectionsPastTheLimitAreAnswered503UntilOneCloses() throws Exception {
    RpcLimits two = new RpcLimits(64 * 1024, 10, 4096, 2, 3, 1000, 300_000, 10_000, 10_000);
    try (RpcTestServer small = new RpcTestServer(two, List.of());
        WsClient a = new WsClient(small.port, null);
        WsClient b = new WsClient(small.port, null)) {
      a.send(BadEnvelopeCases.VALID);
      assertThat(a.next()).isEqualTo(BadEnvelopeCases.VALID_ANSWER);
      RpcTestServer.Raw refused = small.post(BadEnvelopeCases.VALID);
      assertThat(refused.status()).isEqualTo(503);
      assertThat(refused.body()).isEqualTo(BadEnvelopeCases.err("null", -32600,
          "too many connections: limit 2 (--rpc-max-connections)"));
      b.close();
      Await.until("a slot frees when a connection closes", Duration.ofSeconds(10), () -> {
        try {
          return small.post(BadEnvelopeCases.VALID).body();
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }, BadEnvelopeCases.VALID_ANSWER::equals);
    }
  }

  @Test
  void aWebSocketMessageOverTheLimitGetsAnErrorNamingItAndTheConnectionStays() throws Exception {
    try (WsClient ws = new WsClient(server.port, null)) {
      String big = call(1, "echo", "[\"" + "a".repeat(6000) + "\"]");
      // In fragments each under the frame limit: the whole message is read, dropped, answered.
      ws.socket.sendText(big.substring(0, 3000), false).get(10, TimeUnit.SECONDS);
      ws.socket.sendText(big.substring(3000), true).get(10, TimeUnit.SECONDS);
      assertThat(ws.next()).isEqualTo(BadEnvelopeCases.err("null", -32600,
          "message too large: " + big.length() + " bytes, limit 4096 (--rpc-max-frame-size)"));
      ws.send(BadEnvelopeCases.VALID);
      assertThat(ws.next()).isEqualTo(BadEnvelopeCases.VALID_ANSWER);
      String fits = call(2, "echo", "[\"" + "a".repeat(3000) + "\"]");
      ws.socket.sendText(fits.substring(0, 1000), false).get(10, TimeUnit.SECONDS);
      ws.socket.sendText(fits.substring(1000), true).get(10, TimeUnit.SECONDS);
      assertThat(ws.next()).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":\"" + "a".repeat(3000) + "\"}");
    }
  }

  @Test
  void aSingleWebSocketFrameOverTheLimitClosesTheConnection() throws Exception {
    try (WsClient ws = new WsClient(server.port, null)) {
      ws.send(call(1, "echo", "[\"" + "a".repeat(5000) + "\"]"));
      // The frame decoder refuses it before it is buffered (close 1009, or a dropped socket).
      Integer code = ws.closeCode.handle((c, e) -> c == null ? 1006 : c).get(20, TimeUnit.SECONDS);
      assertThat(code).isIn(1006, 1009);
    }
    assertServed();
  }

  @Test
  void notificationsFollowTheResponseOfTheCallThatCausedThemAndCloseRunsOnClose() throws Exception {
    try (WsClient ws = new WsClient(server.port, null)) {
      ws.send(call(1, "sub", "[]"));
      assertThat(ws.next()).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0xabc\"}");
      for (int i = 0; i < 3; i++) {
        assertThat(ws.next()).isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"eth_subscription\","
            + "\"params\":{\"subscription\":\"0xabc\",\"result\":" + i + "}}");
      }
      ws.socket.sendClose(1000, "bye").get(10, TimeUnit.SECONDS);
      Await.until("the connection's close actions ran", Duration.ofSeconds(10),
          server.closedConnections::get, n -> n == 1);
    }
    assertThat(server.post(call(2, "sub", "[]")).body()).isEqualTo(BadEnvelopeCases.err("2", -32000,
        "notifications not supported"));
  }

  @Test
  void aWebSocketAnswersItsRequestsInOrder() throws Exception {
    try (WsClient ws = new WsClient(server.port, null)) {
      for (int i = 0; i < 200; i++) {
        ws.send(call(i, "add", "[\"0x" + Integer.toHexString(i) + "\",\"0x0\"]"));
      }
      List<Integer> ids = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        ids.add(JSON.readTree(ws.next()).get("id").asInt());
      }
      assertThat(ids).isEqualTo(IntStream.range(0, 200).boxed().toList());
    }
  }

  @Test
  void aWebSocketFloodingPastItsQueueIsPausedAndStillAnsweredInFull() throws Exception {
    try (WsClient ws = new WsClient(server.port, null)) {
      ws.send(call(0, "wait", "[]"));
      int n = 3 * WsConnection.MAX_QUEUED;
      for (int i = 1; i < n; i++) {
        ws.send(call(i, "add", "[\"0x" + Integer.toHexString(i) + "\",\"0x0\"]"));
      }
      server.release.countDown();
      for (int i = 0; i < n; i++) {
        assertThat(JSON.readTree(ws.next()).get("id").asInt()).isEqualTo(i);
      }
    }
  }

  @Test
  void aSlowCallOnOneConnectionDoesNotHoldUpAnother() throws Exception {
    try (WsClient slow = new WsClient(server.port, null)) {
      slow.send(call(1, "wait", "[]"));
      HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port + "/"))
          .POST(HttpRequest.BodyPublishers.ofString(BadEnvelopeCases.VALID)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.body()).isEqualTo(BadEnvelopeCases.VALID_ANSWER);
      assertThat(slow.messages).isEmpty();
      server.release.countDown();
      assertThat(slow.next()).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":true}");
    }
  }

  @Test
  void theNetMethodsAnswer() throws Exception {
    JsonNode r = JSON.readTree(server.post("[" + call(1, "net_version", "[]") + "," + call(2, "net_listening", "[]")
        + "," + call(3, "net_peerCount", "[]") + "," + call(4, "web3_clientVersion", "[]") + ","
        + call(5, "net_version", "[1]") + "]").body());
    assertThat(r.get(0).get("result").asText()).isEqualTo("1337");
    assertThat(r.get(1).get("result").asBoolean()).isTrue();
    assertThat(r.get(2).get("result").asText()).isEqualTo("0x5");
    assertThat(r.get(3).get("result").asText()).matches("bulwark/v1\\.2\\.3/[a-z0-9_]+-[a-z0-9_]+/java17.*|bulwark/v1\\.2\\.3/.*/java.*");
    assertThat(r.get(4).get("error").get("message").asText()).isEqualTo("too many arguments, want at most 0");
  }
}
