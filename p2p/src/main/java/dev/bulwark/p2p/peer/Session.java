package dev.bulwark.p2p.peer;

import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.p2p.metrics.P2pMetrics;
import dev.bulwark.p2p.gossip.SeenCache;
import dev.bulwark.p2p.scoring.InboundLimiter;
import dev.bulwark.p2p.transport.Frame;
import dev.bulwark.p2p.transport.FrameCodec;
import dev.bulwark.p2p.transport.Priority;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.net.NetSocket;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One authenticated connection. {@link #send} may be called from any thread: frames go to the
 * bounded priority queue and are written on the socket's event loop as fast as the socket
 * accepts them, so a slow peer costs a bounded queue, never an unbounded Netty buffer.
 */
public final class Session {
  private final long id;
  private final PeerId peer;
  private final Bytes instanceId;
  /** Gossip ids remembered per session to tell a peer's repeats from other peers' relays. */
  public static final int RECEIVED_GOSSIP_IDS = 8_192;

  private final Direction direction;
  private final String remoteAddress;
  private final NetSocket socket;
  private final Context context;
  private final SendQueue queue;
  private final InboundLimiter limiter;
  // Gossip ids this session delivered: only a payload the same peer sends again is a flood.
  private final SeenCache receivedGossip = new SeenCache(RECEIVED_GOSSIP_IDS);
  private final P2pMetrics metrics;
  private final Instant establishedAt;
  private final Promise<Void> closed = Promise.promise();
  private final AtomicBoolean drainScheduled = new AtomicBoolean();
  private volatile boolean open = true;

  /** A session over {@code socket}, whose event loop is {@code context}. */
  public Session(long id, PeerId peer, Bytes instanceId, Direction direction, NetSocket socket,
      Context context, SendQueue queue, InboundLimiter limiter, P2pMetrics metrics, Instant establishedAt) {
    this.id = id;
    this.peer = peer;
    this.instanceId = instanceId;
    this.direction = direction;
    this.remoteAddress = String.valueOf(socket.remoteAddress());
    this.socket = socket;
    this.context = context;
    this.queue = queue;
    this.limiter = limiter;
    this.metrics = metrics;
    this.establishedAt = establishedAt;
  }

  /** Process-unique session number, increasing with creation time. */
  public long id() {
    return id;
  }

  /** The authenticated peer. */
  public PeerId peer() {
    return peer;
  }

  /** The peer process's random instance id from its hello. */
  public Bytes instanceId() {
    return instanceId;
  }

  /** Who dialled. */
  public Direction direction() {
    return direction;
  }

  /** The peer's socket address, for logs only (identity is the node key). */
  public String remoteAddress() {
    return remoteAddress;
  }

  /** When the handshake completed. */
  public Instant establishedAt() {
    return establishedAt;
  }

  /** This session's inbound rate limits. */
  public InboundLimiter limiter() {
    return limiter;
  }

  /** The ids of the gossip payloads this session delivered (recent ones, bounded). */
  public SeenCache receivedGossip() {
    return receivedGossip;
  }

  /** True until the socket closed. */
  public boolean isOpen() {
    return open;
  }

  /** Completes when the socket has closed. */
  public Future<Void> closed() {
    return closed.future();
  }

  /** Queues {@code frame}; false when the session is closed. */
  public boolean send(Frame frame, Priority priority) {
    if (!open) {
      return false;
    }
    int dropped = queue.offer(frame, priority);
    for (int i = 0; i < dropped; i++) {
      metrics.dropped("queue_full");
    }
    if (drainScheduled.compareAndSet(false, true)) {
      context.runOnContext(v -> {
        drainScheduled.set(false);
        drain();
      });
    }
    return true;
  }

  /** Sends {@code last} (e.g. a REJECT reason) ahead of anything queued, then closes. */
  public void closeWith(Frame last) {
    context.runOnContext(v -> {
      if (open) {
        socket.write(FrameCodec.encode(last)).onComplete(ar -> socket.close());
      }
    });
  }

  /** Closes the socket. */
  public void close() {
    context.runOnContext(v -> socket.close());
  }

  /** Called by the connection when the socket closed. */
  public void markClosed() {
    open = false;
    closed.tryComplete();
  }

  private void drain() {
    while (open && !socket.writeQueueFull()) {
      Frame frame = queue.poll();
      if (frame == null) {
        return;
      }
      socket.write(FrameCodec.encode(frame));
      metrics.frameOut(frame.wireSize());
    }
    if (open) {
      socket.drainHandler(v -> drain());
    }
  }

  @Override
  public String toString() {
    return peer.shortId() + "#" + id + "(" + direction.name().toLowerCase() + " " + remoteAddress + ")";
  }
}
