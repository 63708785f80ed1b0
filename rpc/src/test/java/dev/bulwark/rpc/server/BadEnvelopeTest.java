package dev.bulwark.rpc.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.rpc.server.BadEnvelopeCases.Case;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input suite at the envelope level, over raw HTTP and raw WebSocket frames: each
 * malformed request gets its exact error (HTTP 200), and a correct request is served after it.
 */
class BadEnvelopeTest {
  private static RpcTestServer server;
  private static WsClient ws;

  @BeforeAll
  static void start() throws Exception {
    server = new RpcTestServer();
    ws = new WsClient(server.port, null);
  }

  @AfterAll
  static void stop() throws Exception {
    ws.close();
    server.close();
  }

  static List<Case> cases() {
    return BadEnvelopeCases.all();
  }

  @Test
  void theSuiteHasAtLeastFortyDistinctCases() {
    assertThat(cases()).hasSizeGreaterThanOrEqualTo(40);
    assertThat(cases().stream().map(c -> new String(c.request(), java.nio.charset.StandardCharsets.ISO_8859_1))
        .distinct().count()).isEqualTo(cases().size());
  }

  @ParameterizedTest(name = "HTTP: {0}")
  @MethodSource("cases")
  void overHttp(Case c) throws Exception {
    RpcTestServer.Raw r = server.post(c.request());
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.headers().get("content-type")).isEqualTo("application/json");
    assertThat(r.body()).isEqualTo(c.expected());
    RpcTestServer.Raw ok = server.post(BadEnvelopeCases.VALID);
    assertThat(ok.body()).isEqualTo(BadEnvelopeCases.VALID_ANSWER);
  }

  @ParameterizedTest(name = "WebSocket: {0}")
  @MethodSource("cases")
  void overWebSocket(Case c) throws Exception {
    ws.send(c.request(), c.validUtf8());
    assertThat(ws.next()).isEqualTo(c.expected());
    ws.send(BadEnvelopeCases.VALID);
    assertThat(ws.next()).isEqualTo(BadEnvelopeCases.VALID_ANSWER);
  }
}
