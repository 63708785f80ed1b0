package dev.bulwark.p2p;

import static dev.bulwark.p2p.support.TestNet.TX;
import static dev.bulwark.p2p.support.TestNet.VOTE;
import static dev.bulwark.p2p.support.TestNet.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.p2p.support.Await;
import dev.bulwark.p2p.support.TestNet;
import dev.bulwark.p2p.support.TestNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Bursts are queued from inside a handler, i.e. on the network's event loop, so that no write
 * happens until the whole burst is queued: what goes out first is decided by the queue alone.
 */
class SendPriorityTest {
  private final TestNet net = new TestNet();

  @AfterEach
  void close() {
    net.close();
  }

  private static String padded(String s) {
    return s + " " + "x".repeat(1000);
  }

  private void burstOnTrigger(TestNode node, int txCount) {
    node.onMessage(m -> {
      if (new String(m.payload().toArray(), StandardCharsets.UTF_8).equals("go")) {
        for (int i = 0; i < txCount; i++) {
          node.net.broadcast(TX, text(padded("tx " + i)));
        }
        node.net.broadcast(VOTE, text("urgent vote"));
      }
    });
  }

  @Test
  void consensusMessagesOvertakeQueuedTxGossip() {
    TestNode a = net.start(net.config(net.newKey()).build());
    TestNode b = net.start(net.config(net.newKey()).peers(List.of(a.address())).build());
    Await.until("connected", () -> a.connectedTo(b) && b.connectedTo(a));
    burstOnTrigger(a, 1000);
    b.net.send(a.id(), VOTE, text("go"));
    Await.until("everything arrived", () -> b.inbox.size() == 1001);
    assertThat(b.texts().get(0)).isEqualTo("urgent vote");
    assertThat(b.texts().get(1)).isEqualTo(padded("tx 0"));
  }

  @Test
  void fullLowPriorityLaneDropsItsOldestFrames() {
    TestNode a = net.start(net.config(net.newKey()).sendQueue(100, 1 << 20).build());
    TestNode b = net.start(net.config(net.newKey()).peers(List.of(a.address())).build());
    Await.until("connected", () -> a.connectedTo(b) && b.connectedTo(a));
    burstOnTrigger(a, 300);
    b.net.send(a.id(), VOTE, text("go"));
    Await.until("the survivors arrived", () -> b.inbox.size() == 101);
    assertThat(a.net.metrics().count("bulwark.p2p.dropped", "reason", "queue_full")).isEqualTo(200);
    assertThat(b.texts()).startsWith("urgent vote", padded("tx 200")).endsWith(padded("tx 299"));
  }
}
