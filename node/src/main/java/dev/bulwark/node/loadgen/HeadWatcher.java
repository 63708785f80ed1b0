package dev.bulwark.node.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Follows {@code newHeads} on one endpoint's WebSocket: each announcement is timestamped on
 * arrival, then a reader thread fetches that block's transaction hashes with {@code
 * eth_getBlockByNumber} and marks ours committed at the announcement's time.
 */
final class HeadWatcher implements AutoCloseable {
  /** One announced block: its number, arrival time and how many of its transactions were ours. */
  record Head(long number, long arrivalNanos, int transactions, int ours) {}

  private final Vertx vertx = Vertx.vertx();
  private final RpcCalls rpc;
  private final Presigned txs;
  private final LatencyBook book;
  private final BlockingQueue<long[]> announced = new LinkedBlockingQueue<>();
  private final List<Head> heads = new ArrayList<>();
  private final AtomicReference<String> failure = new AtomicReference<>();
  private final Thread reader;
  private WebSocketClient client;

  private HeadWatcher(RpcCalls rpc, Presigned txs, LatencyBook book) {
    this.rpc = rpc;
    this.txs = txs;
    this.book = book;
    this.reader = new Thread(this::read, "loadgen-heads");
    reader.setDaemon(true);
  }

  /** Subscribes on {@code http}'s WebSocket (same host and port) and starts reading blocks. */
  static HeadWatcher start(URI http, Presigned txs, LatencyBook book) {
    HeadWatcher w = new HeadWatcher(new RpcCalls(http), txs, book);
    try {
      w.client = w.vertx.createWebSocketClient(new WebSocketClientOptions()
          .setMaxFrameSize(Transport.MAX_MESSAGE_BYTES).setMaxMessageSize(Transport.MAX_MESSAGE_BYTES));
      WebSocket ws = w.client.connect(Transport.connectOptions(http))
          .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      CompletableFuture<String> subscribed = new CompletableFuture<>();
      ws.textMessageHandler(text -> w.onMessage(text, subscribed));
      ws.closeHandler(v -> w.failure.compareAndSet(null, "the newHeads WebSocket closed"));
      ws.writeTextMessage(RpcCalls.body(1, "eth_subscribe", "[\"newHeads\"]"));
      subscribed.get(30, TimeUnit.SECONDS);
      w.reader.start();
      return w;
    } catch (Exception e) {
      w.close();
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new LoadgenException("cannot subscribe to newHeads at " + http + ": " + e.getMessage(), e);
    }
  }

  private void onMessage(String text, CompletableFuture<String> subscribed) {
    long now = System.nanoTime();
    JsonNode m = Transport.parse(text);
    if (m.has("id")) {
      if (m.has("result")) {
        subscribed.complete(m.get("result").asText());
      } else {
        subscribed.completeExceptionally(new LoadgenException("eth_subscribe refused: " + m.get("error")));
      }
      return;
    }
    JsonNode number = m.path("params").path("result").path("number");
    if (!number.isMissingNode()) {
      announced.add(new long[] {RpcCalls.quantity(number).longValueExact(), now});
    }
  }

  private void read() {
    try {
      while (true) {
        long[] a = announced.take();
        JsonNode block = rpc.call("eth_getBlockByNumber", "[\"0x" + Long.toHexString(a[0]) + "\",false]");
        int ours = 0;
        JsonNode hashes = block.path("transactions");
        for (JsonNode h : hashes) {
          int i = txs.indexOf(h.asText());
          if (i >= 0) {
            book.committed(i, a[1]);
            ours++;
          }
        }
        synchronized (heads) {
          heads.add(new Head(a[0], a[1], hashes.size(), ours));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // closing
    } catch (LoadgenException e) {
      failure.compareAndSet(null, "reading announced blocks failed: " + e.getMessage());
    }
  }

  /** Why following the chain stopped, or null while it works. */
  String failure() {
    return failure.get();
  }

  /** Announcements received but not yet read. */
  int backlog() {
    return announced.size();
  }

  /** The blocks read so far, in announcement order. */
  List<Head> heads() {
    synchronized (heads) {
      return List.copyOf(heads);
    }
  }

  @Override
  public void close() {
    reader.interrupt();
    try {
      if (client != null) {
        // Vert.x would otherwise wait out its graceful WebSocket shutdown on close.
        client.shutdown(1, TimeUnit.SECONDS).toCompletionStage().toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
      }
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new LoadgenException("the newHeads client did not close: " + e, e);
    }
  }
}
