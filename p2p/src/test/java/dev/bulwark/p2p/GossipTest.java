package dev.bulwark.p2p;

import static dev.bulwark.p2p.support.TestNet.TX;
import static dev.bulwark.p2p.support.TestNet.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.p2p.support.Await;
import dev.bulwark.p2p.support.TestNet;
import dev.bulwark.p2p.support.TestNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GossipTest {
  private final TestNet net = new TestNet();

  @AfterEach
  void close() {
    net.close();
  }

  private double duplicates(TestNode node) {
    return node.net.metrics().count("bulwark.p2p.dropped", "reason", "duplicate");
  }

  private double framesIn(TestNode node) {
    return node.net.metrics().registry().find("bulwark.p2p.frames.in").counter().count();
  }

  @Test
  void relayedBatchIsNeverEchoedToItsOrigin() {
    // A line b - a - c: a relays b's batch to c, and nothing ever comes back to b.
    TestNode a = net.start(net.config(net.newKey()).build());
    TestNode b = net.start(net.config(net.newKey()).peers(List.of(a.address())).build());
    TestNode c = net.start(net.config(net.newKey()).peers(List.of(a.address())).build());
    Await.until("line", () -> a.net.connectedPeers().size() == 2 && b.connectedTo(a) && c.connectedTo(a));
    List.of(a, b, c).forEach(TestNode::relayTx);
    double bFramesBefore = framesIn(b);
    b.net.broadcast(TX, text("batch 1"));
    Await.until("a and c got the batch", () -> a.inbox.size() == 1 && c.inbox.size() == 1);
    assertThat(c.inbox.get(0).from()).isEqualTo(a.id());
    Await.holdsFor("b hears nothing back", Duration.ofMillis(300),
        () -> b.inbox.isEmpty() && framesIn(b) == bFramesBefore);
    assertThat(duplicates(a) + duplicates(b) + duplicates(c)).isZero();
  }

  @Test
  void relayedCopiesInATriangleAreDroppedAsDuplicates() {
    TestNode a = net.start(net.config(net.newKey()).build());
    TestNode b = net.start(net.config(net.newKey()).peers(List.of(a.address())).build());
    TestNode c = net.start(net.config(net.newKey()).peers(List.of(a.address(), b.address())).build());
    Await.until("triangle", () -> a.net.connectedPeers().size() == 2 && b.net.connectedPeers().size() == 2
        && c.net.connectedPeers().size() == 2);
    List.of(a, b, c).forEach(TestNode::relayTx);
    b.net.broadcast(TX, text("batch 1"));
    // 2 direct copies + 2 relays (each node relays to its one non-origin peer) = 4 frames, of
    // which 2 are delivered and 2 dropped as duplicates, whatever the arrival order.
    Await.until("relays dropped", () -> duplicates(a) + duplicates(b) + duplicates(c) == 2);
    Await.holdsFor("each node delivers at most once", Duration.ofMillis(300),
        () -> a.inbox.size() == 1 && c.inbox.size() == 1 && b.inbox.isEmpty());
  }

  @Test
  void broadcastExcludingTheOriginSkipsOnlyThatPeer() {
    TestNode a = net.start(net.config(net.newKey()).build());
    TestNode b = net.start(net.config(net.newKey()).peers(List.of(a.address())).build());
    TestNode c = net.start(net.config(net.newKey()).peers(List.of(a.address())).build());
    Await.until("star", () -> a.net.connectedPeers().size() == 2);
    assertThat(a.net.broadcast(TX, text("from b"), b.id())).isEqualTo(1);
    Await.until("c got it", () -> c.inbox.size() == 1);
    Await.holdsFor("b did not", Duration.ofMillis(200), b.inbox::isEmpty);
  }

  @Test
  void sameGossipPayloadIsDeliveredOnceWithinTheCache() {
    TestNode a = net.start(net.config(net.newKey()).build());
    TestNode b = net.start(net.config(net.newKey()).peers(List.of(a.address())).build());
    Await.until("connected", () -> a.connectedTo(b) && b.connectedTo(a));
    for (int i = 0; i < 3; i++) {
      // A misbehaving or naive sender repeats itself: the receiver's seen-cache absorbs it.
      b.net.sessions().get(0).send(new dev.bulwark.p2p.transport.Frame(TX.code(), text("same batch")),
          dev.bulwark.p2p.transport.Priority.LOW);
    }
    b.net.broadcast(TX, text("other batch"));
    Await.until("two distinct batches", () -> a.inbox.size() == 2 && duplicates(a) == 2);
    assertThat(a.texts()).containsExactly("same batch", "other batch");
  }
}
