package dev.bulwark.node.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ledger.testkit.Await;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blocks per second of four in-process validators (real LevelDB, fsynced safety data, loopback
 * p2p) with no minimum block interval, over a window after warm-up. A measurement, run by command:
 * {@code mvn -pl node -am test -Dtest=ClusterThroughputTest -Dbulwark.bench.cluster=30
 * -Dsurefire.failIfNoSpecifiedTests=false} (the value is the window in seconds).
 */
@EnabledIfSystemProperty(named = "bulwark.bench.cluster", matches = "\\d+")
class ClusterThroughputTest {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterThroughputTest.class);

  @TempDir Path dir;

  @Test
  void measuresBlocksPerSecond() throws Exception {
    long windowSeconds = Long.parseLong(System.getProperty("bulwark.bench.cluster"));
    try (InProcessNetwork network = new InProcessNetwork(dir)) {
      network.start(0);
      Await.until("every node commits block 20 (warm-up)", Duration.ofSeconds(120),
          network::heights, h -> network.minHeight() >= 20);
      long from = network.minHeight();
      long start = System.nanoTime();
      Await.during("the window", Duration.ofSeconds(windowSeconds), network::heights, h -> true);
      double seconds = (System.nanoTime() - start) / 1e9;
      long blocks = network.minHeight() - from;
      LOG.info("cluster throughput: {} blocks in {} s = {} blocks/s (4 validators, in-process)",
          blocks, String.format("%.1f", seconds), String.format("%.2f", blocks / seconds));
      assertThat(blocks).isPositive();
    }
  }
}
