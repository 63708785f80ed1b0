package dev.bulwark.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ledger.crypto.NodeKey;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.p2p.handshake.HandshakeTranscript;
import dev.bulwark.p2p.handshake.Hello;
import dev.bulwark.p2p.handshake.HelloCodec;
import dev.bulwark.p2p.support.Await;
import dev.bulwark.p2p.support.LogCapture;
import dev.bulwark.p2p.support.RawPeer;
import dev.bulwark.p2p.support.TestNet;
import dev.bulwark.p2p.support.TestNode;
import dev.bulwark.p2p.transport.ControlType;
import dev.bulwark.p2p.transport.Frame;
import java.security.SecureRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HandshakeRefusalTest {
  private final TestNet net = new TestNet();
  private final LogCapture logs = new LogCapture();

  @AfterEach
  void close() {
    logs.close();
    net.close();
  }

  private void assertRefusedOnBothSides(TestNode dialler, TestNode listener, String reason) {
    Throwable failure = Await.failure(dialler.net.connect(listener.address()));
    assertThat(failure).hasMessageContaining(reason);
    String d = "[" + dialler.id() + "]";
    String l = "[" + listener.id() + "]";
    Await.until("both sides log the refusal", () -> logs.anyLineContains(d, reason) && logs.anyLineContains(l, reason));
    assertThat(dialler.net.sessions()).isEmpty();
    assertThat(listener.net.sessions()).isEmpty();
  }

  @Test
  void wrongChainIdIsRefusedOnBothSides() {
    TestNode a = net.start(net.config(net.newKey()).build());
    NodeKey key = net.newKey();
    TestNode b = net.start(dev.bulwark.p2p.P2pConfig.builder(key, TestNet.CHAIN_ID + 1, TestNet.GENESIS).build());
    assertRefusedOnBothSides(b, a, "CHAIN_ID");
    assertThat(logs.anyLineContains("refused", "chain id " + (TestNet.CHAIN_ID + 1))).isTrue();
  }

  @Test
  void wrongGenesisIsRefusedOnBothSides() {
    TestNode a = net.start(net.config(net.newKey()).build());
    Bytes otherGenesis = Bytes.fromHex("0x" + "cd".repeat(32));
    TestNode b = net.start(P2pConfig.builder(net.newKey(), TestNet.CHAIN_ID, otherGenesis).build());
    assertRefusedOnBothSides(b, a, "GENESIS");
  }

  @Test
  void wrongProtocolVersionIsRefusedOnBothSides() {
    TestNode a = net.start(net.config(net.newKey()).build());
    TestNode b = net.start(net.config(net.newKey()).protocolVersion(P2pConfig.PROTOCOL_VERSION + 1).build());
    assertRefusedOnBothSides(b, a, "PROTOCOL_VERSION");
  }

  @Test
  void unknownNodeKeyIsRefusedAndTheDiallerIsTold() {
    TestNode a = net.start(net.config(net.newKey()).build());
    NodeKey stranger = NodeKey.generate(new SecureRandom());
    // The stranger itself allows everyone, so only a refuses.
    TestNode b = net.start(net.config(stranger).build(), key -> true);
    assertRefusedOnBothSides(b, a, "NOT_AUTHORIZED");
    assertThat(logs.anyLineContains("[" + b.id() + "]", "peer", "refused our outbound handshake", "NOT_AUTHORIZED"))
        .isTrue();
    assertThat(a.net.metrics().count("bulwark.p2p.handshake.refused", "reason", "NOT_AUTHORIZED")).isEqualTo(1);
  }

  @Test
  void badSignatureIsRefused() {
    TestNode a = net.start(net.config(net.newKey()).build());
    NodeKey key = net.newKey();
    try (RawPeer raw = new RawPeer(net.vertx).connect(a.port)) {
      Hello mine = raw.hello(key, TestNet.CHAIN_ID, TestNet.GENESIS);
      raw.send(new Frame(ControlType.HELLO, HelloCodec.encode(mine)));
      Hello server = raw.serverHello();
      byte[] signature = key.sign(HandshakeTranscript.signingBytes(mine, server));
      signature[5] ^= 1;
      raw.send(new Frame(ControlType.AUTH, Bytes.of(signature)));
      Await.until("closed with a reason", () -> raw.isClosed() && raw.rejectReason().isPresent());
      assertThat(raw.rejectReason().orElseThrow()).startsWith("BAD_SIGNATURE");
    }
    assertThat(logs.anyLineContains("[" + a.id() + "]", "refused inbound handshake", "BAD_SIGNATURE")).isTrue();
    assertThat(a.net.connectedPeers()).isEmpty();
  }

  @Test
  void replayedHelloAndProofAreRefused() {
    TestNode a = net.start(net.config(net.newKey()).build());
    NodeKey key = net.newKey();
    Frame hello;
    Frame auth;
    try (RawPeer first = new RawPeer(net.vertx).connect(a.port)) {
      first.authenticate(key);
      Await.until("first session", () -> a.net.connectedPeers().size() == 1);
      hello = first.sent.get(0);
      auth = first.sent.get(1);
    }
    Await.until("first session gone", () -> a.net.connectedPeers().isEmpty());
    // An eavesdropper replays the recorded frames: the node's fresh challenge defeats them.
    try (RawPeer replay = new RawPeer(net.vertx).connect(a.port)) {
      replay.send(hello);
      replay.serverHello();
      replay.send(auth);
      Await.until("replay refused", () -> replay.isClosed() && replay.rejectReason().isPresent());
      assertThat(replay.rejectReason().orElseThrow()).startsWith("BAD_SIGNATURE");
    }
    assertThat(a.net.connectedPeers()).isEmpty();
  }

  @Test
  void proofRelayedFromAnotherSessionIsRefused() {
    // m relays a's challenge to victim v and v's proof back: v signed for m's key, not a's.
    TestNode a = net.start(net.config(net.newKey()).build());
    NodeKey victim = net.newKey();
    try (RawPeer toA = new RawPeer(net.vertx).connect(a.port);
        RawPeer other = new RawPeer(net.vertx).connect(a.port)) {
      Hello aHello = toA.serverHello();
      Hello victimHello = toA.hello(victim, TestNet.CHAIN_ID, TestNet.GENESIS);
      toA.send(new Frame(ControlType.HELLO, HelloCodec.encode(victimHello)));
      // A proof the victim made for a different verifier (the second connection's hello).
      Hello otherHello = other.serverHello();
      Hello wrongVerifier = new Hello(otherHello.protocolVersion(), otherHello.chainId(),
          otherHello.chainIdentity(), net.newKey().publicKey(), aHello.challenge(), otherHello.instanceId());
      byte[] relayed = victim.sign(HandshakeTranscript.signingBytes(victimHello, wrongVerifier));
      toA.send(new Frame(ControlType.AUTH, Bytes.of(relayed)));
      Await.until("relay refused", () -> toA.rejectReason().isPresent());
      assertThat(toA.rejectReason().orElseThrow()).startsWith("BAD_SIGNATURE");
    }
  }

  @Test
  void diallingOurselvesIsRefused() {
    TestNode a = net.start(net.config(net.newKey()).build());
    assertThat(Await.failure(a.net.connect(a.address()))).hasMessageContaining("SELF");
    assertThat(a.net.sessions()).isEmpty();
  }

  @Test
  void configRejectsNonsense() {
    NodeKey key = net.newKey();
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> net.config(key).maxFrameSize(10).build()).hasMessageContaining("max frame size");
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> net.config(key).banDuration(java.time.Duration.ZERO).build()).hasMessageContaining("banDuration");
  }

  @Test
  void silentPeerTimesOut() {
    TestNode a = net.start(net.config(net.newKey())
        .handshakeTimeout(java.time.Duration.ofMillis(300)).build());
    try (RawPeer silent = new RawPeer(net.vertx).connect(a.port)) {
      Await.until("timed out", () -> silent.isClosed() && silent.rejectReason().isPresent());
      assertThat(silent.rejectReason().orElseThrow()).startsWith("TIMEOUT");
    }
    assertThat(logs.anyLineContains("[" + a.id() + "]", "TIMEOUT")).isTrue();
  }
}
