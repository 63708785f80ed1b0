package dev.bulwark.node.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.consensus.safety.SafetyData;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.p2p.peer.PeerAddress;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A power cut of the whole network, repeated (review defect D2 on real processes): four validator
 * JVMs commit under a stream of transfers, and at a random moment all four get kill -9 at once;
 * they restart on their data directories (ledger, safety data, block tree) and the chain must
 * resume. Kills default to 10 in a row; {@code -Dbulwark.cluster.kills=N} runs the longer version
 * (see the node README), {@code -Dbulwark.cluster.seed=S} replays a sequence of kill moments.
 * Across all of it no persisted safety data may show two messages for one round, no block may
 * carry evidence, and no log line may speak of equivocation or double signing.
 */
@Timeout(value = 60, unit = TimeUnit.MINUTES)
class WholeClusterKillTest {
  private static final int KILLS = Integer.getInteger("bulwark.cluster.kills", 10);
  private static final long SEED = Long.getLong("bulwark.cluster.seed", System.nanoTime() % 100_000);
  /** Four JVMs starting at once on two shared cores. */
  private static final Duration STARTUP = Duration.ofSeconds(90);
  /** A few blocks at 100 ms with all four up. */
  private static final Duration PROGRESS = Duration.ofSeconds(30);
  /** Four JVM starts, reloading the tree, and round timeouts until the first QC. */
  private static final Duration RESUME = Duration.ofSeconds(90);
  /** The latest kill moment after the cluster is seen committing again. */
  private static final long MAX_KILL_DELAY_MILLIS = 1500;
  private static final int SIGKILL_EXIT = 128 + 9;
  private static final int SIGTERM_EXIT = 128 + 15;
  private static final Logger LOG = LoggerFactory.getLogger(WholeClusterKillTest.class);

  @RegisterExtension
  static final ClusterFixture CLUSTER = new ClusterFixture(4, "--min-block-interval", "100");

  @Test
  void theChainResumesAfterEveryValidatorIsKilledAtOnceUnderLoad(
      @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir) throws Exception {
    CLUSTER.create(dir.resolve("cluster"));
    List<ClusterNode> all = CLUSTER.validators();
    List<NodeProcess> processes = all.stream().map(ClusterNode::process).toList();
    List<PeerAddress> peers =
        IntStream.range(0, all.size())
            .mapToObj(i -> new PeerAddress("127.0.0.1", CLUSTER.p2pPort(i)))
            .toList();
    Bytes genesisHash = TransferLoad.genesisHash(CLUSTER.genesis(), dir.resolve("scratch"));
    SplittableRandom random = new SplittableRandom(SEED);
    LOG.info("{} whole-cluster kills, seed {} (replay: -Dbulwark.cluster.seed={})", KILLS, SEED, SEED);

    processes.forEach(NodeProcess::start);
    try (TransferLoad load = new TransferLoad(CLUSTER, genesisHash, peers)) {
      load.start();
      CLUSTER.await("every validator at height >= 3", STARTUP, v -> v.minHeight(all) >= 3);
      load.resume();
      for (int k = 1; k <= KILLS; k++) {
        long from = CLUSTER.sample().maxHeight(all);
        CLUSTER.await("kill " + k + " (seed " + SEED + "): all four committing past " + (from + 2),
            PROGRESS, v -> v.minHeight(all) >= from + 2);
        long delay = random.nextLong(MAX_KILL_DELAY_MILLIS);
        ClusterView before = CLUSTER.watch("kill " + k + ": " + delay + " ms more under load",
            Duration.ofMillis(delay), v -> v.minHeight(all) >= 0);
        load.pause();
        assertThat(NodeProcess.killAll(processes)).as("exit codes of kill -9")
            .containsOnly(SIGKILL_EXIT);
        CLUSTER.sample(); // the safety files as the kill left them, into the double-sign witness
        long seen = before.maxHeight(all);
        load.resetNonces(all.stream().map(ClusterNode::data).toList(), CLUSTER.genesis());
        long killedAt = System.nanoTime();
        processes.forEach(NodeProcess::start);
        CLUSTER.await("kill " + k + " (seed " + SEED + "): all four resume past " + (seen + 3),
            RESUME, v -> v.minHeight(all) >= seen + 3);
        LOG.info("kill {}: {} ms after a height of {} seen, resumed in {} ms", k, delay, seen,
            (System.nanoTime() - killedAt) / 1_000_000);
        load.resume();
        assertNoForkOrDoubleSignSeen();
      }
      load.pause();
      LOG.info("{} transfers sent", load.sent());
    }
    for (ClusterNode n : all) {
      assertThat(n.process().terminate()).as("exit code of %s after SIGTERM", n.name())
          .isIn(0, SIGTERM_EXIT);
    }
    checkStoredState(all);
  }

  private static void checkStoredState(List<ClusterNode> all) {
    for (ClusterNode n : all) {
      SafetyData s = n.safety().orElseThrow(() -> new AssertionError(n.name() + " persisted nothing"));
      CLUSTER.votes().saw(n.name(), s);
      assertThat(VoteWitness.inconsistency(s)).as("safety data of %s", n.name()).isEmpty();
    }
    List<StoredChain> chains = new ArrayList<>();
    for (ClusterNode n : all) {
      chains.add(StoredChain.read(n.name(), n.data(), CLUSTER.genesis()));
    }
    StoredChain longest = chains.stream().max(Comparator.comparingLong(StoredChain::head)).orElseThrow();
    for (StoredChain c : chains) {
      assertThat(c.firstDifference(longest)).as("first height where %s differs from %s", c.node(),
          longest.node()).isEqualTo(-1);
      assertThat(c.evidence()).as("blocks with evidence stored by %s", c.node()).isEmpty();
    }
    assertThat(TransferLoad.received(CLUSTER.validator(0).data(), CLUSTER.genesis()))
        .as("transfers committed").isGreaterThan(BigInteger.ZERO);
    for (ClusterNode n : all) {
      assertThat(n.process().logLinesContaining("equivocation", "double sign", "double-sign"))
          .as("log lines of %s about double signing (%s)", n.name(), n.process().log()).isEmpty();
    }
    assertNoForkOrDoubleSignSeen();
    LOG.info("stored heads {}; {} distinct persisted votes/timeouts witnessed",
        chains.stream().map(c -> c.node() + "=" + c.head()).toList(), CLUSTER.votes().distinctMessages());
  }

  private static void assertNoForkOrDoubleSignSeen() {
    assertThat(CLUSTER.chain().conflicts()).as("heights with two different hashes reported").isEmpty();
    assertThat(CLUSTER.votes().conflicts()).as("rounds with two different persisted messages").isEmpty();
  }
}
