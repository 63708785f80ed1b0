package dev.bulwark.p2p.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.p2p.transport.Frame;
import dev.bulwark.p2p.transport.Priority;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PeerTest {
  private static Frame frame(int n) {
    return new Frame(0x0100, Bytes.of(new byte[] {(byte) n}));
  }

  @Test
  void highPriorityIsDrainedFirstAndFullLanesDropTheirOldest() {
    SendQueue queue = new SendQueue(2, 1 << 20);
    assertThat(queue.offer(frame(1), Priority.LOW)).isZero();
    assertThat(queue.offer(frame(2), Priority.LOW)).isZero();
    assertThat(queue.offer(frame(3), Priority.LOW)).isEqualTo(1);
    assertThat(queue.offer(frame(9), Priority.HIGH)).isZero();
    List<Frame> order = new ArrayList<>();
    for (Frame f = queue.poll(); f != null; f = queue.poll()) {
      order.add(f);
    }
    assertThat(order).containsExactly(frame(9), frame(2), frame(3));
  }

  @Test
  void laneBytesAreBoundedToo() {
    SendQueue queue = new SendQueue(100, 20);
    queue.offer(frame(1), Priority.LOW); // 7 wire bytes each
    queue.offer(frame(2), Priority.LOW);
    assertThat(queue.offer(frame(3), Priority.LOW)).isEqualTo(1);
    assertThat(queue.size(Priority.LOW)).isEqualTo(2);
  }

  @Test
  void backoffGrowsExponentiallyWithJitterUpToTheCapAndIsReproducible() {
    Backoff a = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), 0.5, new Random(42));
    Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), 0.5, new Random(42));
    for (int attempt = 0; attempt < 12; attempt++) {
      long ceiling = Math.min(2000, 100L << attempt);
      Duration d = a.delay(attempt);
      assertThat(d).isEqualTo(b.delay(attempt));
      assertThat(d.toMillis()).isBetween(ceiling / 2, ceiling);
    }
  }

  @Test
  void peerAddressesParse() {
    assertThat(PeerAddress.parse("127.0.0.1:30303")).isEqualTo(new PeerAddress("127.0.0.1", 30303));
    assertThat(PeerAddress.parse("[::1]:7000")).isEqualTo(new PeerAddress("::1", 7000));
    assertThat(PeerAddress.parse("[::1]:7000").toString()).isEqualTo("[::1]:7000");
    assertThatThrownBy(() -> PeerAddress.parse("host")).hasMessageContaining("host:port");
    assertThatThrownBy(() -> PeerAddress.parse("host:0")).hasMessageContaining("port out of range");
    assertThatThrownBy(() -> PeerAddress.parse("host:x")).hasMessageContaining("bad port");
  }

  @Test
  void peerIdsShowEightHexDigits() {
    PeerId id = new PeerId(Bytes.fromHex("0x" + "ab".repeat(32)));
    assertThat(id.shortId()).isEqualTo("abababab");
    assertThatThrownBy(() -> new PeerId(Bytes.fromHex("0xab"))).isInstanceOf(IllegalArgumentException.class);
  }
}
