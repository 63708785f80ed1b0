package dev.bulwark.p2p;

import static dev.bulwark.p2p.support.TestNet.VOTE;
import static dev.bulwark.p2p.support.TestNet.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ledger.crypto.NodeKey;
import dev.bulwark.p2p.support.Await;
import dev.bulwark.p2p.support.TestNet;
import dev.bulwark.p2p.support.TestNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReconnectTest {
  private final TestNet net = new TestNet();

  @AfterEach
  void close() {
    net.close();
  }

  @Test
  void diallerReconnectsAfterTheRemoteRestarts() {
    NodeKey bKey = net.newKey();
    TestNode b = net.start(net.config(bKey).build());
    TestNode a = net.start(net.config(net.newKey()).peers(List.of(b.address())).build());
    Await.until("connected", () -> a.connectedTo(b));
    long firstSession = a.net.sessions().get(0).id();

    net.stop(b);
    Await.until("a notices", () -> !a.connectedTo(b));

    // Same key and port, new process (new instance id): a's backoff loop finds it.
    TestNode restarted = net.start(net.config(bKey).listen("127.0.0.1", b.port).build());
    Await.until("reconnected", () -> a.connectedTo(restarted) && restarted.connectedTo(a));
    assertThat(a.net.sessions()).hasSize(1);
    assertThat(a.net.sessions().get(0).id()).isGreaterThan(firstSession);

    a.net.send(restarted.id(), VOTE, text("hello again"));
    Await.until("delivered", () -> restarted.inbox.size() == 1);
    restarted.net.send(a.id(), VOTE, text("welcome back"));
    Await.until("answered", () -> a.textsFrom(restarted.id()).contains("welcome back"));
  }

  @Test
  void peerThatStopsAnsweringIsClosedByTheKeepAlive() {
    TestNode a = net.start(net.config(net.newKey()).keepAliveInterval(java.time.Duration.ofMillis(300)).build());
    try (dev.bulwark.p2p.support.RawPeer alive = new dev.bulwark.p2p.support.RawPeer(net.vertx).connect(a.port);
        dev.bulwark.p2p.support.RawPeer dead = new dev.bulwark.p2p.support.RawPeer(net.vertx).connect(a.port)) {
      alive.authenticate(net.newKey());
      dead.authenticate(net.newKey());
      Await.until("both up", () -> a.net.sessions().size() == 2);
      dead.answerPings = false;
      Await.until("dead peer closed after three silent periods", dead::isClosed);
      assertThat(alive.isClosed()).isFalse();
      assertThat(a.net.sessions()).hasSize(1);
    }
  }

  @Test
  void epochChangeClosesSessionsOfKeysNoLongerAllowed() {
    TestNode a = net.start(net.config(net.newKey()).build());
    TestNode b = net.start(net.config(net.newKey()).peers(List.of(a.address())).build());
    TestNode c = net.start(net.config(net.newKey()).peers(List.of(a.address())).build());
    Await.until("connected", () -> a.net.connectedPeers().size() == 2);
    net.authorizer.replace(List.of(a.key().publicKey(), c.key().publicKey()));
    a.net.revalidateSessions();
    Await.until("b dropped, c kept", () -> !a.connectedTo(b) && a.connectedTo(c));
    // b keeps redialling and is refused at the handshake now.
    Await.until("redial refused", () -> a.net.metrics()
        .count("bulwark.p2p.handshake.refused", "reason", "NOT_AUTHORIZED") >= 1);
    assertThat(a.connectedTo(b)).isFalse();
  }
}
