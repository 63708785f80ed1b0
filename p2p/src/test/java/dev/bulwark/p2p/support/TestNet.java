package dev.bulwark.p2p.support;

import dev.bulwark.ledger.codec.DecodeException;
import dev.bulwark.ledger.crypto.NodeKey;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.p2p.InboundMessage;
import dev.bulwark.p2p.P2pConfig;
import dev.bulwark.p2p.P2pConfigBuilder;
import dev.bulwark.p2p.P2pNetwork;
import dev.bulwark.p2p.handshake.AllowListAuthorizer;
import dev.bulwark.p2p.handshake.PeerAuthorizer;
import dev.bulwark.p2p.transport.MessageType;
import dev.bulwark.p2p.transport.Priority;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** One Vert.x instance hosting several networks on 127.0.0.1 with ephemeral ports. */
public final class TestNet implements AutoCloseable {
  /** Test chain id. */
  public static final long CHAIN_ID = 4242;
  /** Test genesis hash. */
  public static final Bytes GENESIS = Bytes.fromHex("0x" + "ab".repeat(32));
  /** A consensus-like, high-priority, non-gossip type. */
  public static final MessageType VOTE = new MessageType(0x0100, "test-vote", Priority.HIGH, false);
  /** A gossip type (de-duplicated, low priority). */
  public static final MessageType TX = new MessageType(0x0101, "test-tx", Priority.LOW, true);
  /** A type whose handler rejects empty payloads as undecodable. */
  public static final MessageType STRICT = new MessageType(0x0102, "test-strict", Priority.HIGH, false);

  /** The Vert.x instance; closed by {@link #close}. */
  public final Vertx vertx = Vertx.vertx();
  /** The clock of scores, bans and rate limits: frozen unless a test advances it. */
  public final MutableClock clock = new MutableClock();
  private final Set<Bytes> allowed = new HashSet<>();
  /** Allows every key made by {@link #newKey}, unless a test changes it. */
  public final AllowListAuthorizer authorizer = new AllowListAuthorizer(Set.of());
  private final SecureRandom random = new SecureRandom();
  private final List<P2pNetwork> networks = new ArrayList<>();

  /** A fresh node key, allowed by the shared authorizer. */
  public synchronized NodeKey newKey() {
    NodeKey key = NodeKey.generate(random);
    allowed.add(key.publicKey());
    authorizer.replace(allowed);
    return key;
  }

  /** Test defaults: quick backoff, short timeouts. */
  public P2pConfigBuilder config(NodeKey key) {
    return P2pConfig.builder(key, CHAIN_ID, GENESIS)
        .handshakeTimeout(Duration.ofSeconds(3))
        .keepAliveInterval(Duration.ofSeconds(2))
        .backoff(Duration.ofMillis(50), Duration.ofMillis(400), 0.5)
        .banDuration(Duration.ofMinutes(5));
  }

  /** Starts a network with the shared authorizer. */
  public TestNode start(P2pConfig config) {
    return start(config, authorizer);
  }

  /** Starts a network with test handlers for {@link #VOTE}, {@link #TX} and {@link #STRICT}. */
  public TestNode start(P2pConfig config, PeerAuthorizer peerAuthorizer) {
    P2pNetwork net = new P2pNetwork(vertx, config, peerAuthorizer, null, clock, new Random(7));
    List<InboundMessage> inbox = new CopyOnWriteArrayList<>();
    List<Consumer<InboundMessage>> hooks = new CopyOnWriteArrayList<>();
    Consumer<InboundMessage> record = m -> {
      inbox.add(m);
      hooks.forEach(h -> h.accept(m));
    };
    net.register(VOTE, record::accept);
    net.register(TX, record::accept);
    net.register(STRICT, m -> {
      if (m.payload().isEmpty()) {
        throw new DecodeException("empty strict payload");
      }
      inbox.add(m);
    });
    synchronized (networks) {
      networks.add(net);
    }
    int port = Await.result(net.start());
    return new TestNode(net, config, port, inbox, hooks);
  }

  /** Stops one network. */
  public void stop(TestNode node) {
    Await.result(node.net.stop());
  }

  /** UTF-8 bytes. */
  public static Bytes text(String s) {
    return Bytes.of(s.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    List<P2pNetwork> all;
    synchronized (networks) {
      all = new ArrayList<>(networks);
    }
    for (P2pNetwork net : all) {
      Await.result(net.stop());
    }
    Await.result(vertx.close());
  }
}
