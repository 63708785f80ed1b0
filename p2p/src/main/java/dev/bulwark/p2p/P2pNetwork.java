package dev.bulwark.p2p;

import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.p2p.gossip.SeenCache;
import dev.bulwark.p2p.handshake.Handshake;
import dev.bulwark.p2p.handshake.PeerAuthorizer;
import dev.bulwark.p2p.metrics.P2pMetrics;
import dev.bulwark.p2p.peer.Backoff;
import dev.bulwark.p2p.peer.Dialer;
import dev.bulwark.p2p.peer.Direction;
import dev.bulwark.p2p.peer.PeerAddress;
import dev.bulwark.p2p.peer.PeerId;
import dev.bulwark.p2p.peer.Session;
import dev.bulwark.p2p.peer.SessionRegistry;
import dev.bulwark.p2p.scoring.BanList;
import dev.bulwark.p2p.scoring.Offence;
import dev.bulwark.p2p.scoring.PeerScores;
import dev.bulwark.p2p.transport.ControlType;
import dev.bulwark.p2p.transport.Frame;
import dev.bulwark.p2p.transport.MessageType;
import dev.bulwark.p2p.transport.Priority;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The p2p transport of one node: listens, dials the configured peers, authenticates every
 * connection by node key, and moves typed opaque payloads. Upper layers {@link #register} a
 * handler per message type, then {@link #broadcast} and {@link #send}; they report bad payloads
 * and bad signatures with {@link #penalise}. Thread-safe; handlers run on event loops.
 */
public final class P2pNetwork {
  private static final Logger LOG = LoggerFactory.getLogger(P2pNetwork.class);

  private final Vertx vertx;
  private final P2pConfig config;
  private final Map<Integer, InboundDispatcher.Registration> registrations = new ConcurrentHashMap<>();
  private final NetworkContext net;
  private final PeerScores scores;
  private final SeenCache seen;
  private final Backoff backoff;
  private final PeerId localId;
  private NetServer server;
  private NetClient client;
  private Context context;
  private Dialer dialer;
  private long keepAliveTimer = -1;

  /** A network on the system clock with unseeded reconnect jitter. */
  public P2pNetwork(Vertx vertx, P2pConfig config, PeerAuthorizer authorizer, MeterRegistry registry) {
    this(vertx, config, authorizer, registry, Clock.systemUTC(), new Random());
  }

  /** A network whose scores and bans follow {@code clock} and whose jitter follows {@code jitter}. */
  public P2pNetwork(Vertx vertx, P2pConfig config, PeerAuthorizer authorizer, MeterRegistry registry,
      Clock clock, Random jitter) {
    this.vertx = vertx;
    this.config = config;
    this.localId = new PeerId(config.nodeKey().publicKey());
    P2pMetrics metrics = new P2pMetrics(registry, localId.shortId());
    SessionRegistry sessions = new SessionRegistry();
    BanList bans = new BanList(clock);
    this.scores = new PeerScores(config.banThreshold(), config.scoreRecoveryPerSecond(), clock);
    this.seen = new SeenCache(config.seenCacheSize());
    PeerDiscipline discipline =
        new PeerDiscipline(scores, bans, sessions, config.banDuration(), metrics, localId.shortId());
    InboundDispatcher dispatcher =
        new InboundDispatcher(registrations, seen, discipline, metrics, localId.shortId());
    SecureRandom random = new SecureRandom();
    byte[] instance = new byte[dev.bulwark.p2p.handshake.Hello.INSTANCE_ID_SIZE];
    random.nextBytes(instance);
    this.net = new NetworkContext(vertx, config, authorizer, sessions, bans, discipline, dispatcher, metrics,
        clock, random, Bytes.of(instance), localId.shortId(), new AtomicLong());
    this.backoff = new Backoff(config.backoffInitial(), config.backoffMax(), config.backoffJitter(), jitter);
    metrics.sessionsGauge(() -> sessions.all().size());
  }

  /** Routes inbound messages of {@code type} to {@code handler}; one handler per code. */
  public void register(MessageType type, MessageHandler handler) {
    InboundDispatcher.Registration previous =
        registrations.putIfAbsent(type.code(), new InboundDispatcher.Registration(type, handler));
    if (previous != null) {
      throw new IllegalStateException("message code " + type.code() + " already registered as " + previous.type().name());
    }
  }

  /**
   * Listens, starts dialling and keep-alives; completes with the bound port. Every socket of this
   * network then lives on the caller's context (from a plain thread: the event-loop context
   * Vert.x assigns to that thread).
   */
  public Future<Integer> start() {
    context = vertx.getOrCreateContext();
    Promise<Integer> started = Promise.promise();
    context.runOnContext(v -> listen().onComplete(started));
    return started.future();
  }

  private Future<Integer> listen() {
    client = vertx.createNetClient(SocketOptions.client(config));
    server = vertx.createNetServer(SocketOptions.server(config))
        .connectHandler(socket -> new Connection(net, socket, Direction.INBOUND).start());
    return server.listen().map(s -> {
      LOG.info("[{}] p2p listening on {}:{}{}", localId, config.listenHost(), s.actualPort(),
          config.tls().isPresent() ? " (TLS)" : "");
      dialer = new Dialer(vertx, this::connect, backoff, localId.shortId());
      dialer.start(config.peers());
      keepAliveTimer = vertx.setPeriodic(config.keepAliveInterval().toMillis(), id -> pingAll());
      return s.actualPort();
    });
  }

  /** Stops dialling, closes every session and the listener. */
  public Future<Void> stop() {
    if (dialer != null) {
      dialer.stop();
    }
    vertx.cancelTimer(keepAliveTimer);
    net.registry().all().forEach(Session::close);
    List<Future<Void>> closing = new ArrayList<>();
    if (server != null) {
      closing.add(server.close());
    }
    if (client != null) {
      closing.add(client.close());
    }
    return Future.all(closing).mapEmpty();
  }

  /** Dials {@code address} once (no retry) and completes with the authenticated session. */
  public Future<Session> connect(PeerAddress address) {
    Promise<Session> session = Promise.promise();
    // Dial from an event loop so the socket's handlers are installed before its first read
    // (from a foreign thread the connect future may complete before compose() is attached).
    context.runOnContext(v -> client.connect(address.port(), address.host())
        .compose(socket -> new Connection(net, socket, Direction.OUTBOUND).start())
        .onComplete(session));
    return session.future();
  }

  /** Sends to every connected peer; returns the number of sessions written to. */
  public int broadcast(MessageType type, Bytes payload) {
    return broadcast(type, payload, null);
  }

  /** Sends to every connected peer except {@code origin} (null: none excluded). */
  public int broadcast(MessageType type, Bytes payload, PeerId origin) {
    if (type.gossip()) {
      // So that the copies our peers forward back are recognised as duplicates.
      seen.markSeen(SeenCache.idOf(type.code(), payload));
    }
    Frame frame = new Frame(type.code(), payload);
    int sent = 0;
    for (PeerId peer : net.registry().peers()) {
      if (!peer.equals(origin)) {
        sent += sendFrame(peer, frame, type.priority());
      }
    }
    return sent;
  }

  /** Sends to one peer (to each process running its key); false when it is not connected. */
  public boolean send(PeerId peer, MessageType type, Bytes payload) {
    return sendFrame(peer, new Frame(type.code(), payload), type.priority()) > 0;
  }

  private int sendFrame(PeerId peer, Frame frame, Priority priority) {
    int sent = 0;
    for (Session session : net.registry().targets(peer)) {
      if (session.send(frame, priority)) {
        sent++;
      }
    }
    return sent;
  }

  /** Upper layers report a peer's bad payload or bad signature here. */
  public void penalise(PeerId peer, Offence offence, String detail) {
    net.discipline().penalise(peer, offence, detail);
  }

  /** Closes sessions whose key the authorizer no longer allows (call after an epoch change). */
  public void revalidateSessions() {
    for (Session session : net.registry().all()) {
      if (!net.authorizer().isAllowed(session.peer().nodeKey())) {
        LOG.info("[{}] closing session {}: its node key is no longer allowed", localId, session);
        session.closeWith(Handshake.rejectFrame("NOT_AUTHORIZED: node key no longer allowed"));
      }
    }
  }

  /** All live sessions. */
  public List<Session> sessions() {
    return net.registry().all();
  }

  /** Peers with at least one live session. */
  public Collection<PeerId> connectedPeers() {
    return net.registry().peers();
  }

  /** This node's identity. */
  public PeerId localId() {
    return localId;
  }

  /** The transport's counters. */
  public P2pMetrics metrics() {
    return net.metrics();
  }

  /** Peer scores (read-only use). */
  public PeerScores scores() {
    return scores;
  }

  /** The ban list. */
  public BanList bans() {
    return net.bans();
  }

  private void pingAll() {
    Frame ping = new Frame(ControlType.PING, Bytes.EMPTY);
    net.registry().all().forEach(s -> s.send(ping, Priority.HIGH));
  }
}
