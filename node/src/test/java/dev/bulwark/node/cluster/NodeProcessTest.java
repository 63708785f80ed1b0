package dev.bulwark.node.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ledger.testkit.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeProcessTest {
  @TempDir Path dir;

  @Test
  void logsBothStreamsAcrossKillAndRestart() {
    try (NodeProcess child = new NodeProcess("idle", IdleChild.class.getName(), List.of("a", "b"),
        dir.resolve("logs/idle.log"))) {
      assertThat(child.command()).contains(NodeProcess.MAX_HEAP, "-cp", IdleChild.class.getName(), "a", "b");
      child.start();
      Await.until("first start logged", Duration.ofSeconds(30), () -> child.logTail(10),
          lines -> lines.contains("child up a b") && lines.contains("child stderr line"));
      assertThat(child.alive()).isTrue();
      assertThat(child.kill()).as("exit code after kill -9").isEqualTo(137);
      assertThat(child.alive()).isFalse();

      child.start();
      Await.until("second start logged", Duration.ofSeconds(30), () -> child.logLinesContaining("CHILD UP"),
          lines -> lines.size() == 2);
      assertThat(child.starts()).isEqualTo(2);
      assertThat(child.logLinesContaining("harness: start #")).hasSize(2);
      assertThat(child.terminate()).as("exit code after SIGTERM").isEqualTo(143);
      assertThat(child.logTail(1)).containsExactly("child stderr line");
    }
  }
}
