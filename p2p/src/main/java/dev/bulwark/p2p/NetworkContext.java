package dev.bulwark.p2p;

import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.p2p.handshake.PeerAuthorizer;
import dev.bulwark.p2p.metrics.P2pMetrics;
import dev.bulwark.p2p.peer.SessionRegistry;
import dev.bulwark.p2p.scoring.BanList;
import io.vertx.core.Vertx;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/** What every connection of one network shares. */
record NetworkContext(
    Vertx vertx,
    P2pConfig config,
    PeerAuthorizer authorizer,
    SessionRegistry registry,
    BanList bans,
    PeerDiscipline discipline,
    InboundDispatcher dispatcher,
    P2pMetrics metrics,
    Clock clock,
    SecureRandom random,
    Bytes instanceId,
    String localId,
    AtomicLong sessionIds) {

  long nextSessionId() {
    return sessionIds.incrementAndGet();
  }

  Bytes randomBytes(int size) {
    byte[] bytes = new byte[size];
    random.nextBytes(bytes);
    return Bytes.of(bytes);
  }
}
