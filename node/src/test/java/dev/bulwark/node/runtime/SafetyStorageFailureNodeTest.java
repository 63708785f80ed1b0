package dev.bulwark.node.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ledger.testkit.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A validator whose safety data can no longer be written stops at once, naming the storage
 * failure (not a later, misleading ledger refusal), while the others go on.
 */
class SafetyStorageFailureNodeTest {
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  @TempDir Path dir;

  @Test
  void aValidatorWhoseSafetyStorageFailsStopsNamingTheStorageFailure() throws Exception {
    try (InProcessNetwork network = new InProcessNetwork(dir)) {
      List<Node> nodes = network.start(50);
      Await.until("every node commits block 2", DEADLINE, network::heights,
          h -> network.minHeight() >= 2);
      Node broken = nodes.get(0);

      // The safety directory becomes a plain file: every later write of it fails, as on a full or
      // failed disk, and the validator must sign nothing more.
      Path safety = network.data(0).safetyDir();
      try (Stream<Path> files = Files.walk(safety)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
      Files.writeString(safety, "not a directory");

      Await.until("validator 0 stops on its own", DEADLINE,
          () -> broken.terminated().isComplete(), done -> done);
      assertThat(broken.terminated().failed()).isTrue();
      String reason = broken.terminated().cause().getMessage();
      assertThat(reason)
          .contains("safety data could not be made durable")
          .contains(safety.toString())
          .doesNotContain("ledger refused");
      long stoppedAt = broken.status().head().number();
      Await.until("the other three commit on", DEADLINE, network::heights,
          h -> h.subList(1, h.size()).stream().allMatch(x -> x >= stoppedAt + 3));
    }
  }
}
