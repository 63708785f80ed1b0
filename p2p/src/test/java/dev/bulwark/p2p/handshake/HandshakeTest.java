package dev.bulwark.p2p.handshake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ledger.codec.DecodeException;
import dev.bulwark.ledger.crypto.NodeKey;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.p2p.transport.ControlType;
import dev.bulwark.p2p.transport.Frame;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.Queue;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** Two handshakes wired back to back in memory. */
class HandshakeTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Bytes GENESIS = Bytes.fromHex("0x" + "11".repeat(32));

  private static final class Side implements HandshakeListener {
    final NodeKey key = NodeKey.generate(RANDOM);
    final Queue<Frame> outbox = new ArrayDeque<>();
    Hello established;
    HandshakeRefusal refused;
    String rejectedWith;
    Handshake handshake;

    Hello hello(long chainId) {
      return new Hello(1, chainId, GENESIS, key.publicKey(), random(32), random(16));
    }

    @Override
    public void onEstablished(Hello remote) {
      established = remote;
    }

    @Override
    public void onRefused(HandshakeRefusal refusal, Hello remote) {
      refused = refusal;
    }

    @Override
    public void onRejectedByPeer(String reason, Hello remote) {
      rejectedWith = reason;
    }
  }

  private static Bytes random(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return Bytes.of(b);
  }

  private static void wire(Side side, Hello hello, PeerAuthorizer authorizer, Optional<Instant> ban) {
    side.handshake = new Handshake(new HelloValidator(hello, authorizer, k -> ban), side.key, side.outbox::add, side);
  }

  /** Delivers queued frames alternately until both outboxes are empty. */
  private static void pump(Side a, Side b) {
    while (!a.outbox.isEmpty() || !b.outbox.isEmpty()) {
      if (!a.outbox.isEmpty()) {
        b.handshake.onFrame(a.outbox.poll());
      }
      if (!b.outbox.isEmpty()) {
        a.handshake.onFrame(b.outbox.poll());
      }
    }
  }

  @Test
  void bothSidesProveTheirKeys() {
    Side a = new Side();
    Side b = new Side();
    wire(a, a.hello(7), k -> true, Optional.empty());
    wire(b, b.hello(7), k -> true, Optional.empty());
    a.handshake.start();
    b.handshake.start();
    pump(a, b);
    assertThat(a.established.nodeKey()).isEqualTo(b.key.publicKey());
    assertThat(b.established.nodeKey()).isEqualTo(a.key.publicKey());
    assertThat(a.handshake.isDone()).isTrue();
  }

  @Test
  void chainMismatchIsRefusedByBothWithReasons() {
    Side a = new Side();
    Side b = new Side();
    wire(a, a.hello(7), k -> true, Optional.empty());
    wire(b, b.hello(8), k -> true, Optional.empty());
    a.handshake.start();
    b.handshake.start();
    pump(a, b);
    assertThat(a.refused.reason()).isEqualTo(RefusalReason.CHAIN_ID);
    assertThat(b.refused.reason()).isEqualTo(RefusalReason.CHAIN_ID);
    assertThat(a.established).isNull();
    assertThat(b.established).isNull();
  }

  @Test
  void aBannedPeerIsToldAndNeverEstablishes() {
    Side a = new Side();
    Side b = new Side();
    wire(a, a.hello(7), k -> true, Optional.of(Instant.parse("2030-01-01T00:00:00Z")));
    wire(b, b.hello(7), k -> true, Optional.empty());
    a.handshake.start();
    b.handshake.start();
    pump(a, b);
    assertThat(a.refused.reason()).isEqualTo(RefusalReason.BANNED);
    assertThat(b.rejectedWith).startsWith("BANNED");
    assertThat(b.established).isNull();
  }

  @Test
  void proofOverAnotherChallengeDoesNotVerify() {
    Side a = new Side();
    Side b = new Side();
    Hello aHello = a.hello(7);
    wire(a, aHello, k -> true, Optional.empty());
    Hello bHello = b.hello(7);
    a.handshake.onFrame(new Frame(ControlType.HELLO, HelloCodec.encode(bHello)));
    Hello staleVerifier = new Hello(1, 7, GENESIS, a.key.publicKey(), random(32), aHello.instanceId());
    byte[] stale = b.key.sign(HandshakeTranscript.signingBytes(bHello, staleVerifier));
    a.handshake.onFrame(new Frame(ControlType.AUTH, Bytes.of(stale)));
    assertThat(a.refused.reason()).isEqualTo(RefusalReason.BAD_SIGNATURE);
    assertThat(a.outbox).extracting(Frame::type).endsWith(ControlType.REJECT);
  }

  @Test
  void outOfOrderFramesAreMalformed() {
    Side a = new Side();
    wire(a, a.hello(7), k -> true, Optional.empty());
    a.handshake.onFrame(new Frame(ControlType.AUTH, random(64)));
    assertThat(a.refused.reason()).isEqualTo(RefusalReason.MALFORMED);
  }

  @Test
  void helloRoundTripsAndRejectsWrongSizes() {
    Side a = new Side();
    Hello hello = a.hello(Long.MAX_VALUE);
    assertThat(HelloCodec.decode(HelloCodec.encode(hello))).isEqualTo(hello);
    Bytes encoded = HelloCodec.encode(hello);
    Assertions.assertThatThrownBy(() -> HelloCodec.decode(encoded.slice(0, encoded.size() - 1)))
        .isInstanceOf(DecodeException.class);
  }

  @Test
  void rejectReasonsAreBoundedAndSanitised() {
    Frame frame = Handshake.rejectFrame("x\n".repeat(500));
    assertThat(frame.payload().size()).isEqualTo(Handshake.MAX_REASON_BYTES);
    assertThat(Handshake.reasonText(frame.payload())).doesNotContain("\n");
  }
}
