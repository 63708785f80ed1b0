package dev.bulwark.rpc.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A JDK WebSocket client that queues each received message; frames are sent as given. */
final class WsClient implements AutoCloseable {
  final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
  final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
  final CompletableFuture<String> closeReason = new CompletableFuture<>();
  final WebSocket socket;

  WsClient(int port, String origin) throws Exception {
    var builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
    if (origin != null) {
      builder.header("Origin", origin);
    }
    socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + "/"), new WebSocket.Listener() {
      private final StringBuilder partial = new StringBuilder();

      @Override
      public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
          messages.add(partial.toString());
          partial.setLength(0);
        }
        ws.request(1);
        return null;
      }

      @Override
      public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        closeReason.complete(reason);
        closeCode.complete(statusCode);
        return null;
      }

      @Override
      public void onError(WebSocket ws, Throwable error) {
        closeCode.completeExceptionally(error);
      }
    }).get(10, TimeUnit.SECONDS);
  }

  /** Sends {@code message} as one text frame, or one binary frame when it is not valid UTF-8. */
  void send(byte[] message, boolean text) throws Exception {
    if (text) {
      socket.sendText(new String(message, StandardCharsets.UTF_8), true).get(10, TimeUnit.SECONDS);
    } else {
      socket.sendBinary(ByteBuffer.wrap(message), true).get(10, TimeUnit.SECONDS);
    }
  }

  void send(String message) throws Exception {
    send(message.getBytes(StandardCharsets.UTF_8), true);
  }

  /** The next message, failing after 20 s. */
  String next() throws InterruptedException {
    String m = messages.poll(20, TimeUnit.SECONDS);
    if (m == null) {
      throw new AssertionError("no WebSocket message within 20 s");
    }
    return m;
  }

  @Override
  public void close() {
    socket.abort();
  }
}
