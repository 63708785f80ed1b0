package dev.bulwark.rpc.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ledger.testkit.Await;
import dev.bulwark.rpc.jsonrpc.RpcLimits;
import java.io.DataInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** WebSocket idle timeout and the bound on what a client leaves unread. */
class WebSocketHygieneTest {
  private static RpcLimits limits(long idleMillis, long maxPendingBytes) {
    RpcLimits l = RpcTestServer.LIMITS;
    return new RpcLimits(l.maxBodyBytes(), l.maxBatchSize(), l.maxFrameBytes(), l.maxConnections(),
        l.maxSubscriptionsPerConnection(), l.maxFilters(), l.filterTimeoutMillis(),
        l.maxLogsBlockRange(), l.maxLogsResults(), idleMillis, maxPendingBytes);
  }

  @Test
  void aSilentConnectionIsClosedAfterTheIdleTimeoutWithAReason() throws Exception {
    try (RpcTestServer server = new RpcTestServer(limits(1000, 1 << 20), List.of());
        WsClient ws = new WsClient(server.port, null)) {
      ws.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"count\"}");
      assertThat(ws.next()).contains("\"result\":1");
      assertThat(ws.closeCode.get(10, TimeUnit.SECONDS)).isEqualTo(1001);
      assertThat(ws.closeReason.get()).isEqualTo("idle timeout: no traffic for 1 s (--rpc-ws-idle-timeout)");
    }
  }

  @Test
  void pingsKeepAConnectionOpenPastTheIdleTimeout() throws Exception {
    try (RpcTestServer server = new RpcTestServer(limits(1000, 1 << 20), List.of());
        WsClient ws = new WsClient(server.port, null)) {
      long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(3000);
      while (System.nanoTime() < end) {
        ws.socket.sendPing(ByteBuffer.wrap(new byte[] {1})).get(5, TimeUnit.SECONDS);
        Thread.sleep(200); // the client's ping interval, well inside the 1 s timeout
        assertThat(ws.closeCode).isNotDone();
      }
      ws.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"count\"}");
      assertThat(ws.next()).contains("\"result\":1");
    }
  }

  @Test
  void aSubscriberThatStopsReadingIsDisconnectedAtTheBound() throws Exception {
    long bound = 256 * 1024;
    try (RpcTestServer server = new RpcTestServer(limits(600_000, bound), List.of());
        Socket socket = new Socket()) {
      socket.setReceiveBufferSize(16 * 1024);
      socket.connect(new InetSocketAddress("127.0.0.1", server.port), 10_000);
      socket.setSoTimeout(20_000);
      upgrade(socket, server.port);
      // 40 MB of notifications, far past what the socket buffers absorb; then read nothing.
      sendText(socket, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"flood\",\"params\":[\"0x9c40\",\"0x3e8\"]}");
      Await.until("the server drops the connection", Duration.ofSeconds(30),
          server.closedConnections::get, n -> n == 1);
      // What the client finds once it reads again: some notifications, then the close frame.
      DataInputStream in = new DataInputStream(socket.getInputStream());
      int messages = 0;
      while (true) {
        int opcode = in.readUnsignedByte() & 0x0f;
        long length = in.readUnsignedByte() & 0x7f;
        if (length == 126) {
          length = in.readUnsignedShort();
        } else if (length == 127) {
          length = in.readLong();
        }
        byte[] payload = in.readNBytes((int) length);
        if (opcode == 0x8) {
          int code = (payload[0] & 0xff) << 8 | payload[1] & 0xff;
          String reason = new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8);
          assertThat(code).isEqualTo(1008);
          assertThat(reason).startsWith("too slow: ")
              .endsWith(" bytes unread, limit 262144 (--rpc-ws-max-pending-bytes)");
          break;
        }
        messages++;
      }
      assertThat(messages).isLessThan(40_000);
    }
  }

  private static void upgrade(Socket socket, int port) throws Exception {
    socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port
        + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
        + "dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    InputStream in = socket.getInputStream();
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new AssertionError("connection closed during the upgrade: " + head);
      }
      head.append((char) b);
    }
    assertThat(head.toString()).startsWith("HTTP/1.1 101");
  }

  /** One masked text frame, as clients must send. */
  private static void sendText(Socket socket, String text) throws Exception {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    byte[] mask = {1, 2, 3, 4};
    java.io.ByteArrayOutputStream frame = new java.io.ByteArrayOutputStream();
    frame.write(0x81);
    frame.write(0x80 | payload.length); // the test's messages stay under 126 bytes
    frame.write(mask);
    for (int i = 0; i < payload.length; i++) {
      frame.write(payload[i] ^ mask[i % 4]);
    }
    socket.getOutputStream().write(frame.toByteArray());
  }
}
