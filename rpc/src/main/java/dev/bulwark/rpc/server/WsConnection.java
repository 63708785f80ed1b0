package dev.bulwark.rpc.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.rpc.jsonrpc.RpcConnection;
import dev.bulwark.rpc.jsonrpc.RpcException;
import dev.bulwark.rpc.jsonrpc.RpcLimits;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSON-RPC WebSocket: its messages are answered one at a time in arrival order on the worker
 * pool, and a notification sent while a request is being answered waits until that answer is
 * written, so the reply to {@code eth_subscribe} always precedes its first notification.
 *
 * <p><b>Hygiene.</b> A connection with no frame either way for the idle timeout is closed (1001);
 * a client's ping and our pong count as traffic, and so does every message we send, so a quiet
 * subscriber stays. Outbound messages held behind an answer or written but not yet taken by the
 * socket are counted (in characters, which JSON of hex strings has as many as bytes); past the
 * bound the client is not reading, and the connection is closed (1008) and its subscriptions
 * dropped at once rather than let its messages pile up in memory.
 */
final class WsConnection implements RpcConnection {
  /** Messages queued on one connection past which it stops reading until the queue halves. */
  static final int MAX_QUEUED = 128;

  private static final Logger LOG = LoggerFactory.getLogger(WsConnection.class);
  private static final AtomicLong IDS = new AtomicLong();

  private final String id = "ws-" + IDS.incrementAndGet();
  private final ServerWebSocket socket;
  private final Context context;
  private final RpcDispatcher dispatcher;
  private final SerialExecutor serial;
  private final List<Runnable> closeActions = new ArrayList<>();
  private final List<String> held = new ArrayList<>();
  private boolean open = true;
  private boolean answering;
  private volatile boolean paused;
  private final int maxMessageBytes;
  private final long idleTimeoutNanos;
  private final long maxPendingChars;
  private long pendingChars; // held plus written and not yet taken by the socket; under the lock
  private volatile long lastTraffic = System.nanoTime();
  private long idleTimer = -1;
  // The message being assembled from its frames (event-loop state); null past the limit.
  private Buffer assembling;
  private long assembledBytes;

  WsConnection(ServerWebSocket socket, Context context, RpcDispatcher dispatcher, Executor pool,
      RpcLimits limits) {
    this.maxMessageBytes = limits.maxFrameBytes();
    this.idleTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(limits.wsIdleTimeoutMillis());
    this.maxPendingChars = limits.wsMaxPendingBytes();
    this.socket = socket;
    this.context = context;
    this.dispatcher = dispatcher;
    this.serial = new SerialExecutor(pool);
  }

  /** Starts reading messages and the idle check; called on the socket's event loop. */
  void start() {
    socket.frameHandler(f -> {
      traffic();
      frame(f);
    });
    socket.pongHandler(b -> traffic());
    socket.closeHandler(v -> closed());
    socket.exceptionHandler(e -> LOG.debug("WebSocket {} failed: {}", id, e.toString()));
    long idleMillis = TimeUnit.NANOSECONDS.toMillis(idleTimeoutNanos);
    // A check every quarter of the timeout closes an idle connection within 1.25 timeouts.
    idleTimer = context.owner().setPeriodic(Math.max(100, idleMillis / 4), t -> checkIdle());
  }

  private void traffic() {
    lastTraffic = System.nanoTime();
  }

  private void checkIdle() {
    if (System.nanoTime() - lastTraffic > idleTimeoutNanos) {
      shutdown((short) 1001, "idle timeout: no traffic for "
          + TimeUnit.NANOSECONDS.toSeconds(idleTimeoutNanos) + " s (--rpc-ws-idle-timeout)");
    }
  }

  /**
   * Stops all writes now, then on the event loop drops the subscriptions and closes the socket
   * with {@code code} and {@code reason}. Safe under this connection's lock: the close actions
   * take other locks, so they never run under it.
   */
  private void shutdown(short code, String reason) {
    List<Runnable> actions = markClosed();
    if (actions == null) {
      return;
    }
    LOG.debug("Closing WebSocket {}: {}", id, reason);
    context.runOnContext(v -> {
      runActions(actions);
      socket.close(code, reason);
    });
  }

  private void frame(WebSocketFrame frame) {
    if (!frame.isText() && !frame.isBinary() && !frame.isContinuation()) {
      return;
    }
    if (!frame.isContinuation()) {
      assembling = Buffer.buffer();
      assembledBytes = 0;
    }
    assembledBytes += frame.binaryData().length();
    if (assembledBytes > maxMessageBytes) {
      assembling = null;
    } else if (assembling != null) {
      assembling.appendBuffer(frame.binaryData());
    }
    if (!frame.isFinal()) {
      return;
    }
    if (assembling == null) {
      // The rest of the message was read and dropped; the connection stays usable.
      byte[] error = RpcDispatcher.errorResponse(NullNode.instance, RpcException.INVALID_REQUEST,
          "message too large: " + assembledBytes + " bytes, limit " + maxMessageBytes
              + " (--rpc-max-frame-size)");
      submit(() -> error);
    } else {
      byte[] message = assembling.getBytes();
      submit(() -> dispatcher.handle(message, Optional.of(this)));
    }
    assembling = null;
  }

  private void submit(Supplier<byte[]> work) {
    serial.execute(() -> answer(work));
    if (!paused && serial.pending() > MAX_QUEUED) {
      paused = true;
      socket.pause();
    }
  }

  private void answer(Supplier<byte[]> work) {
    synchronized (this) {
      if (!open) {
        return;
      }
      answering = true;
    }
    byte[] response = null;
    try {
      response = work.get();
    } finally {
      synchronized (this) {
        if (response != null) {
          write(new String(response, StandardCharsets.UTF_8));
        }
        for (String text : held) {
          pendingChars -= text.length();
          write(text);
        }
        held.clear();
        answering = false;
      }
      if (paused && serial.pending() <= MAX_QUEUED / 2) {
        context.runOnContext(v -> {
          if (paused) {
            paused = false;
            socket.resume();
          }
        });
      }
    }
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public void notify(String subscriptionId, JsonNode result) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("jsonrpc", "2.0");
    n.put("method", "eth_subscription");
    ObjectNode params = n.putObject("params");
    params.put("subscription", subscriptionId);
    params.set("result", result);
    String text;
    try {
      text = RpcDispatcher.JSON.writeValueAsString(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
    synchronized (this) {
      if (!open) {
        return;
      }
      if (answering) {
        held.add(text);
        pendingChars += text.length();
        checkPending();
      } else {
        write(text);
      }
    }
  }

  private void write(String text) {
    // Called under this connection's lock, so writes reach the socket in the order made.
    if (!open) {
      return;
    }
    int chars = text.length();
    pendingChars += chars;
    traffic();
    socket.writeTextMessage(text).onComplete(ar -> {
      synchronized (this) {
        pendingChars -= chars;
      }
      traffic();
    });
    checkPending();
  }

  /** Closes a connection whose client has left more than the bound unread; under the lock. */
  private void checkPending() {
    if (open && pendingChars > maxPendingChars) {
      long unread = pendingChars;
      shutdown((short) 1008, "too slow: " + unread + " bytes unread, limit " + maxPendingChars
          + " (--rpc-ws-max-pending-bytes)");
    }
  }

  @Override
  public void onClose(Runnable action) {
    synchronized (this) {
      if (open) {
        closeActions.add(action);
        return;
      }
    }
    action.run();
  }

  @Override
  public synchronized boolean isOpen() {
    return open;
  }

  private void closed() {
    List<Runnable> actions = markClosed();
    if (actions != null) {
      runActions(actions);
    }
  }

  /** Marks the connection closed; returns its close actions, or null when it already was. */
  private synchronized List<Runnable> markClosed() {
    if (!open) {
      return null;
    }
    open = false;
    held.clear();
    List<Runnable> actions = List.copyOf(closeActions);
    closeActions.clear();
    return actions;
  }

  private void runActions(List<Runnable> actions) {
    if (idleTimer >= 0) {
      context.owner().cancelTimer(idleTimer);
    }
    for (Runnable a : actions) {
      try {
        a.run();
      } catch (RuntimeException e) {
        LOG.error("a close action of WebSocket {} failed", id, e);
      }
    }
  }

}
