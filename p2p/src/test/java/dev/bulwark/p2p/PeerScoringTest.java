package dev.bulwark.p2p;

import static dev.bulwark.p2p.support.TestNet.STRICT;
import static dev.bulwark.p2p.support.TestNet.TX;
import static dev.bulwark.p2p.support.TestNet.VOTE;
import static dev.bulwark.p2p.support.TestNet.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ledger.crypto.NodeKey;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.p2p.peer.PeerId;
import dev.bulwark.p2p.scoring.Offence;
import dev.bulwark.p2p.scoring.RateLimits;
import dev.bulwark.p2p.support.Await;
import dev.bulwark.p2p.support.LogCapture;
import dev.bulwark.p2p.support.RawPeer;
import dev.bulwark.p2p.support.TestNet;
import dev.bulwark.p2p.support.TestNode;
import dev.bulwark.p2p.transport.Frame;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PeerScoringTest {
  private static final Duration BAN = Duration.ofSeconds(30);
  private final TestNet net = new TestNet();
  private final LogCapture logs = new LogCapture();

  @AfterEach
  void close() {
    logs.close();
    net.close();
  }

  private TestNode node() {
    return net.start(net.config(net.newKey()).maxFrameSize(64 * 1024).banDuration(BAN).build());
  }

  private RawPeer authenticated(TestNode node, NodeKey key) {
    RawPeer raw = new RawPeer(net.vertx).connect(node.port);
    raw.authenticate(key);
    Await.until("session up", () -> node.net.connectedPeers().contains(new PeerId(key.publicKey())));
    return raw;
  }

  @Test
  void oversizeLengthPrefixClosesTheSessionAndPenalises() {
    TestNode node = node();
    NodeKey key = net.newKey();
    try (RawPeer raw = authenticated(node, key)) {
      // Claims 2 GiB; only the 4-byte prefix is ever sent, so nothing of that size may be allocated.
      raw.sendRaw(Buffer.buffer().appendInt(Integer.MAX_VALUE));
      Await.until("closed", raw::isClosed);
      assertThat(raw.rejectReason().orElseThrow()).startsWith("OVERSIZE_FRAME");
    }
    assertThat(node.net.metrics().count("bulwark.p2p.penalties", "offence", "OVERSIZE_FRAME")).isEqualTo(1);
    assertThat(node.net.bans().bannedUntil(key.publicKey())).isPresent();
    assertThat(logs.anyLineContains("[" + node.id() + "]", "exceeds the maximum 65536")).isTrue();
  }

  @Test
  void frameJustUnderTheMaximumIsAccepted() {
    TestNode node = node();
    NodeKey key = net.newKey();
    try (RawPeer raw = authenticated(node, key)) {
      raw.send(new Frame(VOTE.code(), Bytes.of(new byte[64 * 1024 - 2])));
      Await.until("delivered", () -> node.inbox.size() == 1);
      assertThat(raw.isClosed()).isFalse();
    }
  }

  @Test
  void malformedFramesLeadToABanThatRefusesReconnectsUntilItExpires() {
    TestNode node = node();
    NodeKey key = net.newKey();
    try (RawPeer raw = authenticated(node, key)) {
      for (int i = 0; i < 4; i++) {
        raw.sendRaw(Buffer.buffer().appendInt(0)); // a frame with no room for a message type
      }
      Await.until("banned and closed", raw::isClosed);
      assertThat(raw.rejectReason().orElseThrow()).startsWith("BANNED");
    }
    assertThat(node.net.metrics().count("bulwark.p2p.penalties", "offence", "MALFORMED_FRAME")).isEqualTo(4);
    Await.until("ban logged", () -> logs.anyLineContains("[" + node.id() + "]", "banning peer"));

    try (RawPeer again = new RawPeer(net.vertx).connect(node.port)) {
      again.authenticate(key);
      Await.until("reconnect refused", () -> again.isClosed() && again.rejectReason().isPresent());
      assertThat(again.rejectReason().orElseThrow()).startsWith("BANNED");
    }
    assertThat(logs.anyLineContains("[" + node.id() + "]", "refused inbound handshake", "BANNED")).isTrue();

    net.clock.advance(BAN.plusSeconds(1));
    try (RawPeer afterBan = authenticated(node, key)) {
      assertThat(afterBan.rejectReason()).isEmpty();
    }
  }

  @Test
  void unknownTypesAndUndecodablePayloadsArePenalisedWithoutClosing() {
    TestNode node = node();
    NodeKey key = net.newKey();
    try (RawPeer raw = authenticated(node, key)) {
      raw.send(new Frame(0x7777, text("what is this")));
      raw.send(new Frame(STRICT.code(), Bytes.EMPTY));
      raw.send(new Frame(STRICT.code(), text("fine")));
      Await.until("good message delivered", () -> node.inbox.size() == 1);
      assertThat(node.net.metrics().count("bulwark.p2p.penalties", "offence", "UNKNOWN_TYPE")).isEqualTo(1);
      assertThat(node.net.metrics().count("bulwark.p2p.penalties", "offence", "DECODE_FAILURE")).isEqualTo(1);
      assertThat(node.net.scores().score(key.publicKey())).isEqualTo(-30);
      assertThat(raw.isClosed()).isFalse();
    }
  }

  @Test
  void upperLayersPenaliseInvalidSignaturesUntilBanned() {
    TestNode a = node();
    TestNode b = net.start(net.config(net.newKey()).peers(List.of(a.address())).build());
    Await.until("connected", () -> a.connectedTo(b) && b.connectedTo(a));
    for (int i = 0; i < 4; i++) {
      a.net.penalise(b.id(), Offence.INVALID_SIGNATURE, "vote signature does not verify");
    }
    Await.until("b's session closed and b banned", () -> !a.connectedTo(b) && !b.connectedTo(a));
    assertThat(a.net.bans().bannedUntil(b.key().publicKey())).isPresent();
    // b keeps redialling; every attempt is refused while the ban lasts, with a log line on both sides.
    Await.until("redial refused", () -> logs.anyLineContains("[" + b.id() + "]", "refused our outbound handshake", "BANNED")
        && logs.anyLineContains("[" + a.id() + "]", "refused inbound handshake", "BANNED"));
    net.clock.advance(BAN.plusSeconds(1));
    Await.until("b is back after the ban", () -> a.connectedTo(b));
  }

  @Test
  void framesOverTheRateLimitAreDropped() {
    // No keep-alive during the test: a pong would take one of the 20 tokens.
    TestNode node = net.start(net.config(net.newKey()).keepAliveInterval(Duration.ofMinutes(1))
        .rateLimits(new RateLimits(20, 1_000_000, 100)).build());
    NodeKey key = net.newKey();
    try (RawPeer raw = authenticated(node, key)) {
      for (int i = 0; i < 30; i++) {
        raw.send(new Frame(VOTE.code(), text("vote " + i)));
      }
      // The test clock is frozen, so the bucket holds exactly its 20-frame burst.
      Await.until("drops counted", () -> node.net.metrics().count("bulwark.p2p.dropped", "reason", "rate_limit") == 10);
      Await.until("the first 20 delivered", () -> node.inbox.size() == 20);
      assertThat(node.texts()).startsWith("vote 0").endsWith("vote 19");
      assertThat(node.net.scores().score(key.publicKey())).isEqualTo(-10 * Offence.RATE_LIMITED.penalty());
    }
  }

  @Test
  void aGossipFloodIsRateLimitedOnItsOwnLaneWhileConsensusFramesStillPass() {
    // Frozen clock: each bucket holds exactly its burst (gossip 20 frames, consensus 50).
    TestNode node = net.start(net.config(net.newKey()).keepAliveInterval(Duration.ofMinutes(1))
        .rateLimits(new RateLimits(new RateLimits.Budget(50, 1_000_000),
            new RateLimits.Budget(20, 1_000_000), 100)).build());
    NodeKey key = net.newKey();
    try (RawPeer raw = authenticated(node, key)) {
      for (int i = 0; i < 60; i++) {
        raw.send(new Frame(TX.code(), text("batch " + i)));
      }
      for (int i = 0; i < 30; i++) {
        raw.send(new Frame(VOTE.code(), text("vote " + i)));
      }
      Await.until("20 batches and all 30 votes delivered", () -> node.inbox.size() == 50);
      assertThat(node.texts()).filteredOn(t -> t.startsWith("vote")).hasSize(30);
      assertThat(node.net.metrics().count("bulwark.p2p.dropped", "reason", "rate_limit")).isEqualTo(40);
      assertThat(node.net.scores().score(key.publicKey())).isEqualTo(-40 * Offence.RATE_LIMITED.penalty());
    }
  }

  @Test
  void aPeerFloodingTransactionFramesPastItsBudgetIsBanned() {
    TestNode node = net.start(net.config(net.newKey()).keepAliveInterval(Duration.ofMinutes(1))
        .rateLimits(new RateLimits(new RateLimits.Budget(50, 1_000_000),
            new RateLimits.Budget(20, 1_000_000), 100)).build());
    NodeKey key = net.newKey();
    try (RawPeer raw = authenticated(node, key)) {
      for (int i = 0; i < 150; i++) {
        raw.send(new Frame(TX.code(), text("batch " + i)));
      }
      Await.until("banned and closed", raw::isClosed);
      assertThat(raw.rejectReason().orElseThrow()).startsWith("BANNED");
    }
    // 20 fit the burst; the next 100 drops cost 1 point each and reach the threshold of 100.
    assertThat(node.inbox).hasSize(20);
    assertThat(node.net.metrics().count("bulwark.p2p.penalties", "offence", "RATE_LIMITED"))
        .isGreaterThanOrEqualTo(100);
    assertThat(node.net.bans().bannedUntil(key.publicKey())).isPresent();
  }

  @Test
  void gossipAlreadyRelayedByAnotherPeerCostsNothing() {
    // Frozen clock: the duplicate bucket holds exactly its burst of 100.
    TestNode node = net.start(net.config(net.newKey()).keepAliveInterval(Duration.ofMinutes(1))
        .rateLimits(new RateLimits(10_000, 100_000_000, 100)).build());
    NodeKey first = net.newKey();
    NodeKey second = net.newKey();
    try (RawPeer a = authenticated(node, first); RawPeer b = authenticated(node, second)) {
      for (int i = 0; i < 300; i++) {
        a.send(new Frame(TX.code(), text("batch " + i)));
      }
      Await.until("the first relayer's batches delivered", () -> node.inbox.size() == 300);
      for (int i = 0; i < 300; i++) {
        b.send(new Frame(TX.code(), text("batch " + i)));
      }
      Await.until("the second relayer's copies dropped as duplicates",
          () -> node.net.metrics().count("bulwark.p2p.dropped", "reason", "duplicate") == 300);
      assertThat(node.net.metrics().count("bulwark.p2p.penalties", "offence", "DUPLICATE_FLOOD")).isZero();
      assertThat(node.net.scores().score(second.publicKey())).isZero();
      assertThat(a.isClosed() || b.isClosed()).isFalse();
    }
  }

  @Test
  void aPeerRepeatingTheSameGossipPastTheToleratedRateIsBanned() {
    TestNode node = net.start(net.config(net.newKey()).keepAliveInterval(Duration.ofMinutes(1))
        .rateLimits(new RateLimits(10_000, 100_000_000, 100)).build());
    NodeKey key = net.newKey();
    try (RawPeer raw = authenticated(node, key)) {
      for (int i = 0; i < 150; i++) {
        raw.send(new Frame(TX.code(), text("the same batch")));
      }
      Await.until("banned and closed", raw::isClosed);
      assertThat(raw.rejectReason().orElseThrow()).startsWith("BANNED");
    }
    assertThat(node.inbox).hasSize(1);
    // 149 repeats, 100 tolerated; 20 penalties of 5 reach the threshold of 100.
    assertThat(node.net.metrics().count("bulwark.p2p.penalties", "offence", "DUPLICATE_FLOOD")).isGreaterThanOrEqualTo(20);
    assertThat(node.net.bans().bannedUntil(key.publicKey())).isPresent();
  }
}
