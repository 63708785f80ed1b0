package dev.bulwark.p2p;

import static dev.bulwark.p2p.support.TestNet.TX;
import static dev.bulwark.p2p.support.TestNet.VOTE;
import static dev.bulwark.p2p.support.TestNet.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.p2p.peer.Session;
import dev.bulwark.p2p.support.Await;
import dev.bulwark.p2p.support.TestNet;
import dev.bulwark.p2p.support.TestNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ThreeNodeExchangeTest {
  private final TestNet net = new TestNet();

  @AfterEach
  void close() {
    net.close();
  }

  @Test
  void threeNodesConnectAndExchangeMessagesBothWays() {
    TestNode a = net.start(net.config(net.newKey()).build());
    TestNode b = net.start(net.config(net.newKey()).peers(List.of(a.address())).build());
    // c dials both, and a also dials c: a and c are connected both ways.
    TestNode c = net.start(net.config(net.newKey()).peers(List.of(a.address(), b.address())).build());
    Await.until("a dials c", () -> Await.result(a.net.connect(c.address())).isOpen());

    Await.until("full mesh", () -> a.connectedTo(b) && a.connectedTo(c) && b.connectedTo(a)
        && b.connectedTo(c) && c.connectedTo(a) && c.connectedTo(b));
    assertThat(a.net.sessions().stream().filter(s -> s.peer().equals(c.id()))).hasSize(2);

    for (TestNode from : List.of(a, b, c)) {
      assertThat(from.net.broadcast(VOTE, text("vote from " + from.id()))).isEqualTo(2);
    }
    assertThat(b.net.send(a.id(), VOTE, text("b to a"))).isTrue();
    assertThat(a.net.send(c.id(), VOTE, text("a to c"))).isTrue();
    assertThat(c.net.send(a.id(), VOTE, text("c to a"))).isTrue();

    Await.until("all delivered", () -> a.inbox.size() == 4 && b.inbox.size() == 2 && c.inbox.size() == 3);
    assertThat(a.textsFrom(b.id())).containsExactlyInAnyOrder("vote from " + b.id(), "b to a");
    assertThat(a.textsFrom(c.id())).containsExactlyInAnyOrder("vote from " + c.id(), "c to a");
    assertThat(b.textsFrom(a.id())).containsExactly("vote from " + a.id());
    assertThat(b.textsFrom(c.id())).containsExactly("vote from " + c.id());
    assertThat(c.textsFrom(a.id())).containsExactlyInAnyOrder("vote from " + a.id(), "a to c");
    assertThat(c.textsFrom(b.id())).containsExactly("vote from " + b.id());
    // Two sessions between a and c, but each message travels over one of them only.
    Await.holdsFor("no duplicate deliveries", Duration.ofMillis(300),
        () -> a.inbox.size() == 4 && b.inbox.size() == 2 && c.inbox.size() == 3);
    assertThat(a.net.metrics().registry().find("bulwark.p2p.frames.in").counter().count()).isPositive();
  }

  @Test
  void sessionsAreIdentifiedByNodeKeyAndTxGossipIsDeliveredAfterVotes() {
    TestNode a = net.start(net.config(net.newKey()).build());
    TestNode b = net.start(net.config(net.newKey()).peers(List.of(a.address())).build());
    Await.until("connected", () -> a.connectedTo(b) && b.connectedTo(a));
    Session session = a.net.sessions().get(0);
    assertThat(session.peer()).isEqualTo(b.id());
    assertThat(session.remoteAddress()).startsWith("127.0.0.1:");

    for (int i = 0; i < 50; i++) {
      b.net.broadcast(TX, text("tx " + i));
    }
    b.net.broadcast(VOTE, text("vote"));
    Await.until("all arrived", () -> a.inbox.size() == 51);
    assertThat(a.texts()).contains("vote", "tx 0", "tx 49");
  }
}
