package dev.bulwark.p2p;

import static dev.bulwark.p2p.support.TestNet.VOTE;
import static dev.bulwark.p2p.support.TestNet.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ledger.crypto.NodeKey;
import dev.bulwark.p2p.peer.Session;
import dev.bulwark.p2p.support.Await;
import dev.bulwark.p2p.support.LogCapture;
import dev.bulwark.p2p.support.TestNet;
import dev.bulwark.p2p.support.TestNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The rule for one node key on two live sessions: keep both (README, "Two sessions with one node key"). */
class SameKeySessionsTest {
  private final TestNet net = new TestNet();
  private final LogCapture logs = new LogCapture();

  @AfterEach
  void close() {
    logs.close();
    net.close();
  }

  @Test
  void aKeyRunTwiceKeepsBothSessionsAndBothTwinsAreHeardAndServed() {
    TestNode honest = net.start(net.config(net.newKey()).build());
    NodeKey shared = net.newKey();
    TestNode twin1 = net.start(net.config(shared).peers(List.of(honest.address())).build());
    Await.until("twin 1 connected", () -> honest.connectedTo(twin1) && twin1.connectedTo(honest));
    TestNode twin2 = net.start(net.config(shared).peers(List.of(honest.address())).build());
    Await.until("twin 2 connected", () -> twin2.connectedTo(honest) && honest.net.sessions().size() == 2);
    // The newer session did not kill the older one.
    assertThat(honest.net.sessions()).allMatch(Session::isOpen).extracting(Session::peer).containsOnly(twin1.id());
    Await.until("twin warning logged",
        () -> logs.anyLineContains("[" + honest.id() + "]", "connected from 2 different processes"));

    // Conflicting messages from the two processes both reach the honest node (they become evidence upstream).
    twin1.net.send(honest.id(), VOTE, text("vote for block X"));
    twin2.net.send(honest.id(), VOTE, text("vote for block Y"));
    Await.until("both votes delivered", () -> honest.inbox.size() == 2);
    assertThat(honest.texts()).containsExactlyInAnyOrder("vote for block X", "vote for block Y");
    assertThat(honest.inbox).extracting(m -> m.sessionId()).doesNotHaveDuplicates();

    // Sending to the key reaches both processes.
    assertThat(honest.net.send(twin1.id(), VOTE, text("proposal"))).isTrue();
    Await.until("both twins served", () -> twin1.inbox.size() == 1 && twin2.inbox.size() == 1);

    // One twin leaving leaves the other connected.
    net.stop(twin1);
    Await.until("one session left", () -> honest.net.sessions().size() == 1);
    assertThat(honest.connectedTo(twin2)).isTrue();
  }

  @Test
  void oneProcessReachedBothWaysGetsEachMessageOnce() {
    TestNode a = net.start(net.config(net.newKey()).build());
    TestNode b = net.start(net.config(net.newKey()).peers(List.of(a.address())).build());
    Await.until("b to a", () -> a.connectedTo(b));
    Await.result(a.net.connect(b.address()));
    Await.until("two sessions each side", () -> a.net.sessions().size() == 2 && b.net.sessions().size() == 2);
    assertThat(logs.anyLineContains("different processes")).isFalse();

    a.net.send(b.id(), VOTE, text("once"));
    Await.until("delivered", () -> b.inbox.size() == 1);
    Await.holdsFor("not twice", Duration.ofMillis(300), () -> b.inbox.size() == 1);
  }
}
