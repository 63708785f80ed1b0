package dev.bulwark.p2p;

import dev.bulwark.p2p.handshake.Handshake;
import dev.bulwark.p2p.handshake.HandshakeListener;
import dev.bulwark.p2p.handshake.HandshakeRefusal;
import dev.bulwark.p2p.handshake.Hello;
import dev.bulwark.p2p.handshake.HelloValidator;
import dev.bulwark.p2p.handshake.RefusalReason;
import dev.bulwark.p2p.peer.Direction;
import dev.bulwark.p2p.peer.PeerId;
import dev.bulwark.p2p.peer.SendQueue;
import dev.bulwark.p2p.peer.Session;
import dev.bulwark.p2p.scoring.InboundLimiter;
import dev.bulwark.p2p.scoring.Offence;
import dev.bulwark.p2p.transport.Frame;
import dev.bulwark.p2p.transport.FrameCodec;
import dev.bulwark.p2p.transport.FrameListener;
import dev.bulwark.p2p.transport.FrameReader;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.net.NetSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP connection from accept/connect to close: the handshake first, then an established
 * {@link Session} whose frames go to the dispatcher. Confined to the socket's event loop.
 */
final class Connection implements FrameListener, HandshakeListener {
  private static final Logger LOG = LoggerFactory.getLogger(Connection.class);

  private final NetworkContext net;
  private final NetSocket socket;
  private final Direction direction;
  private final FrameReader reader;
  private final Handshake handshake;
  private final Promise<Session> established = Promise.promise();
  private Future<Void> lastWrite = Future.succeededFuture();
  private long timeoutTimer = -1;
  private Session session;

  Connection(NetworkContext net, NetSocket socket, Direction direction) {
    this.net = net;
    this.socket = socket;
    this.direction = direction;
    this.reader = new FrameReader(net.config().maxFrameSize(), this);
    Hello local = new Hello(net.config().protocolVersion(), net.config().chainId(), net.config().chainIdentity(),
        net.config().nodeKey().publicKey(), net.randomBytes(Hello.CHALLENGE_SIZE), net.instanceId());
    HelloValidator validator = new HelloValidator(local, net.authorizer(), net.bans()::bannedUntil);
    this.handshake = new Handshake(validator, net.config().nodeKey(), this::write, this);
  }

  /** Starts the handshake; the future completes when the session is established. */
  Future<Session> start() {
    socket.handler(reader);
    socket.closeHandler(v -> onClose());
    socket.exceptionHandler(e -> LOG.debug("[{}] socket error on {}: {}", net.localId(), describe(), e.toString()));
    timeoutTimer = net.vertx().setTimer(net.config().handshakeTimeout().toMillis(), id -> handshake.refuse(
        new HandshakeRefusal(RefusalReason.TIMEOUT, "no handshake within " + net.config().handshakeTimeout())));
    handshake.start();
    return established.future();
  }

  private void write(Frame frame) {
    lastWrite = socket.write(FrameCodec.encode(frame));
  }

  @Override
  public void onFrame(Frame frame) {
    if (session == null) {
      handshake.onFrame(frame);
    } else {
      net.dispatcher().onFrame(session, frame);
    }
  }

  @Override
  public void onOversize(long declaredLength) {
    String detail = "frame length " + declaredLength + " exceeds the maximum " + net.config().maxFrameSize();
    net.metrics().dropped("oversize");
    if (session == null) {
      handshake.refuse(new HandshakeRefusal(RefusalReason.MALFORMED, detail));
      return;
    }
    LOG.warn("[{}] closing session {}: {}", net.localId(), session, detail);
    session.closeWith(Handshake.rejectFrame("OVERSIZE_FRAME: " + detail));
    net.discipline().penalise(session.peer(), Offence.OVERSIZE_FRAME, detail);
  }

  @Override
  public void onMalformed(String reason) {
    if (session == null) {
      handshake.refuse(new HandshakeRefusal(RefusalReason.MALFORMED, reason));
    } else {
      net.discipline().penalise(session.peer(), Offence.MALFORMED_FRAME, reason);
    }
  }

  @Override
  public void onEstablished(Hello remote) {
    net.vertx().cancelTimer(timeoutTimer);
    PeerId peer = new PeerId(remote.nodeKey());
    session = new Session(net.nextSessionId(), peer, remote.instanceId(), direction, socket,
        net.vertx().getOrCreateContext(),
        new SendQueue(net.config().sendQueueFrames(), net.config().sendQueueBytes()),
        new InboundLimiter(net.config().rateLimits(), net.config().maxFrameSize() + FrameCodec.HEADER_SIZE,
            net.clock()),
        net.metrics(), net.clock().instant());
    int live = net.registry().add(session);
    long processes = net.registry().sessionsOf(peer).stream().map(Session::instanceId).distinct().count();
    LOG.info("[{}] session {} established ({} live for this key)", net.localId(), session, live);
    if (processes > 1) {
      // Same key from two processes: keep both so a twin's messages still arrive (README).
      LOG.warn("[{}] node key {} is connected from {} different processes; keeping all sessions",
          net.localId(), peer, processes);
    }
    established.complete(session);
  }

  @Override
  public void onRefused(HandshakeRefusal refusal, Hello remote) {
    net.vertx().cancelTimer(timeoutTimer);
    net.metrics().handshakeRefused(refusal.reason().name(), "local");
    LOG.warn("[{}] refused {} handshake with {}: {}", net.localId(), direction.name().toLowerCase(),
        describe(remote), refusal.getMessage());
    reader.stop();
    lastWrite.onComplete(ar -> socket.close());
    established.tryFail(refusal);
  }

  @Override
  public void onRejectedByPeer(String reason, Hello remote) {
    net.vertx().cancelTimer(timeoutTimer);
    net.metrics().handshakeRefused(reasonName(reason), "remote");
    LOG.warn("[{}] peer {} refused our {} handshake: {}", net.localId(), describe(remote),
        direction.name().toLowerCase(), reason);
    reader.stop();
    socket.close();
    established.tryFail(new SessionSetupException(reason));
  }

  private void onClose() {
    reader.stop();
    net.vertx().cancelTimer(timeoutTimer);
    if (session != null) {
      session.markClosed();
      net.registry().remove(session);
      LOG.info("[{}] session {} closed", net.localId(), session);
    } else if (!handshake.isDone()) {
      LOG.info("[{}] {} connection {} closed during the handshake", net.localId(),
          direction.name().toLowerCase(), socket.remoteAddress());
      established.tryFail(new SessionSetupException("connection closed during the handshake"));
    }
  }

  private String describe() {
    return session != null ? session.toString() : String.valueOf(socket.remoteAddress());
  }

  private String describe(Hello remote) {
    String key = remote == null ? "unknown key" : "key " + HelloValidator.abbreviate(remote.nodeKey());
    return socket.remoteAddress() + " (" + key + ")";
  }

  private static String reasonName(String reason) {
    int colon = reason.indexOf(':');
    String head = colon < 0 ? reason : reason.substring(0, colon);
    for (RefusalReason r : RefusalReason.values()) {
      if (r.name().equals(head)) {
        return head;
      }
    }
    return "OTHER";
  }
}
