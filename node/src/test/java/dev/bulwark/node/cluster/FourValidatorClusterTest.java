package dev.bulwark.node.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.consensus.safety.SafetyData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Four validator JVMs and one observer JVM on 127.0.0.1, started with {@code java -cp}, each with
 * its own data directory; the tests run in order on this one cluster (starting JVMs is what costs
 * time here). What each proves:
 *
 * <ol>
 *   <li>{@link #validatorsCommitAndAgree}: the network commits blocks, the nodes form a full mesh,
 *       and all four report the same hash at one height.
 *   <li>{@link #threeKeepCommittingAfterOneIsKilled}: after kill -9 of one validator the other
 *       three (exactly a 2f+1 quorum) still commit.
 *   <li>{@link #restartedValidatorCatchesUpAndVotesAgain}: the killed validator restarts on its
 *       data directory, whose safety file survived the kill, reaches the others' height and
 *       persists votes for rounds after its restart.
 *   <li>{@link #twoKilledStallWithoutForkThenResume}: with two of four killed no quorum exists:
 *       during an observation window the survivors commit at most one block already in flight;
 *       when one returns, commits resume.
 *   <li>{@link #freshObserverSyncsFromGenesisToTheTip}: an observer with an empty data directory
 *       downloads the chain from genesis and follows the validators' tip.
 *   <li>{@link #storedChainsAgreeAndNobodySignedTwice}: after a graceful stop, every stored chain
 *       is a prefix of the longest one, no block holds evidence, no log mentions double signing or
 *       equivocation, and every validator's safety data is consistent.
 * </ol>
 *
 * <p>Throughout, every observation feeds two witnesses: one notes any height for which two nodes
 * reported different hashes (a fork), the other any (validator, epoch, round) for which two
 * different persisted votes or timeouts were seen (a double signature), across kills and restarts.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class FourValidatorClusterTest {
  /** Five JVMs starting at once on two shared cores. */
  private static final Duration STARTUP = Duration.ofSeconds(90);
  /** For a quorum to commit a few blocks, including round timeouts of a dead leader (~1 s each). */
  private static final Duration PROGRESS = Duration.ofSeconds(45);
  /** To resume after a stall: backed-off round timeouts reach ~8 s, plus a JVM start and sync. */
  private static final Duration RESUME = Duration.ofSeconds(75);
  /** How long a network without quorum is watched for commits. */
  private static final Duration STALL_WINDOW = Duration.ofSeconds(6);
  /** Blocks that count as "keeps committing". */
  private static final int BLOCKS = 10;
  private static final int SIGKILL_EXIT = 128 + 9;
  private static final int SIGTERM_EXIT = 128 + 15;
  private static final Logger LOG = LoggerFactory.getLogger(FourValidatorClusterTest.class);

  @RegisterExtension
  static final ClusterFixture CLUSTER = new ClusterFixture(4, "--min-block-interval", "100");

  @BeforeAll
  static void startValidators(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir) throws Exception {
    CLUSTER.create(dir);
    CLUSTER.validators().forEach(n -> n.process().start());
  }

  @Test
  @Order(1)
  void validatorsCommitAndAgree() {
    List<ClusterNode> all = CLUSTER.validators();
    ClusterView up = CLUSTER.await("every validator at height >= " + BLOCKS + " with 3 peers", STARTUP,
        v -> v.minHeight(all) >= BLOCKS && all.stream().allMatch(n -> peers(v, n) >= 3));
    for (ClusterNode n : all) {
      Health h = up.of(n).health().orElseThrow();
      assertThat(h.role()).as("role of %s", n.name()).isEqualTo("validator");
      assertThat(h.chainId()).as("chain id of %s", n.name()).isEqualTo(ClusterFixture.CHAIN_ID);
      assertThat(h.latestHash()).as("latest hash of %s", n.name()).matches("0x[0-9a-fA-F]{64}");
    }
    CLUSTER.await("all four validators at one height", PROGRESS,
        v -> v.minHeight(all) == v.maxHeight(all));
    assertThat(CLUSTER.chain().agreements()).as("reports confirming another node's hash").isPositive();
    assertNoForkOrDoubleSignSeen();
  }

  @Test
  @Order(2)
  void threeKeepCommittingAfterOneIsKilled() {
    ClusterNode victim = CLUSTER.validator(3);
    assertThat(victim.process().kill()).as("exit code of kill -9").isEqualTo(SIGKILL_EXIT);
    List<ClusterNode> rest = others(victim);
    long from = CLUSTER.sample().maxHeight(rest);
    CLUSTER.await("the three remaining validators at height >= " + (from + BLOCKS), PROGRESS,
        v -> v.minHeight(rest) >= from + BLOCKS);
    assertNoForkOrDoubleSignSeen();
  }

  @Test
  @Order(3)
  void restartedValidatorCatchesUpAndVotesAgain() {
    ClusterNode victim = CLUSTER.validator(3);
    List<ClusterNode> rest = others(victim);
    SafetyData beforeRestart = victim.safety().orElseThrow(
        () -> new AssertionError(victim.name() + " left no safety data after voting"));
    ClusterView atRestart = CLUSTER.sample();
    long target = atRestart.maxHeight(rest);
    long lastRound = Math.max(beforeRestart.lastVotedRound(), atRestart.maxRound(rest));
    victim.process().start();
    ClusterView caughtUp = CLUSTER.await(victim.name() + " at height >= " + target
            + " and the others' height, not syncing, with a vote persisted after round " + lastRound, PROGRESS,
        v -> v.height(victim) >= target && v.height(victim) >= v.minHeight(rest)
            && v.of(victim).lastVotedRound() > lastRound && !v.of(victim).health().orElseThrow().syncing());
    assertThat(caughtUp.of(victim).health().orElseThrow().role()).as("role of %s", victim.name()).isEqualTo("validator");
    assertNoForkOrDoubleSignSeen();
  }

  @Test
  @Order(4)
  void twoKilledStallWithoutForkThenResume() {
    List<ClusterNode> killed = List.of(CLUSTER.validator(2), CLUSTER.validator(3));
    for (ClusterNode n : killed) {
      assertThat(n.process().kill()).as("exit code of kill -9 of %s", n.name()).isEqualTo(SIGKILL_EXIT);
    }
    List<ClusterNode> survivors = List.of(CLUSTER.validator(0), CLUSTER.validator(1));
    long stalledAt = CLUSTER.sample().maxHeight(survivors);
    // Tolerance of two blocks: the baseline is taken after both killed JVMs are gone, but votes
    // they sent before dying may still be in a survivor's socket buffer or event queue. The two
    // are killed one after the other, so each may have voted one round later than the other's
    // last (seen once: validator-2's last vote in round 39, validator-3's in round 40, and the
    // survivors two blocks on). With those votes the survivors can still form a QC for each of
    // the two rounds, and each commits its block's parent (two-chain rule). Any further QC would
    // need a vote no killed validator ever sent: 3 of 4 votes, and only 2 are left to vote.
    CLUSTER.watch("the two survivors commit at most two blocks past " + stalledAt, STALL_WINDOW,
        v -> v.maxHeight(survivors) <= stalledAt + 2 && survivors.stream().allMatch(n -> v.of(n).alive()));
    assertNoForkOrDoubleSignSeen();

    ClusterNode returning = CLUSTER.validator(2);
    returning.process().start();
    List<ClusterNode> quorum = List.of(CLUSTER.validator(0), CLUSTER.validator(1), returning);
    long resumedFrom = CLUSTER.sample().maxHeight(survivors);
    CLUSTER.await("commits resume: three validators at height >= " + (resumedFrom + 3), RESUME,
        v -> v.minHeight(quorum) >= resumedFrom + 3);

    // bring the last one back so that the next tests run on the full set
    CLUSTER.validator(3).process().start();
    CLUSTER.await("all four validators committing again", PROGRESS,
        v -> v.height(CLUSTER.validator(3)) >= v.maxHeight(quorum) && v.minHeight(quorum) > resumedFrom + 3);
    assertNoForkOrDoubleSignSeen();
  }

  @Test
  @Order(5)
  void freshObserverSyncsFromGenesisToTheTip() {
    ClusterNode observer = CLUSTER.observer();
    assertThat(Files.exists(observer.data().root())).as("observer data directory exists before start").isFalse();
    // a chain worth syncing: wait (with a deadline) rather than assume earlier steps made it long
    long tip = CLUSTER.await("validators past block " + 3L * BLOCKS, PROGRESS,
        v -> v.maxHeight(CLUSTER.validators()) > 3L * BLOCKS).maxHeight(CLUSTER.validators());
    observer.process().start();
    ClusterView synced = CLUSTER.await("observer at height >= " + tip + " and following the validators",
        RESUME, v -> v.height(observer) >= tip && v.height(observer) >= v.minHeight(CLUSTER.validators()));
    Health h = synced.of(observer).health().orElseThrow();
    assertThat(h.role()).as("observer role").isEqualTo("observer");
    assertThat(h.chainId()).as("observer chain id").isEqualTo(ClusterFixture.CHAIN_ID);
    assertThat(observer.safety().filter(s -> s.lastVote().isPresent() || s.lastTimeout().isPresent()))
        .as("votes or timeouts persisted by the observer").isEmpty();
    assertNoForkOrDoubleSignSeen();
  }

  @Test
  @Order(6)
  void storedChainsAgreeAndNobodySignedTwice() {
    CLUSTER.sample(); // a last look at the live safety files
    List<ClusterNode> nodes = CLUSTER.nodes();
    for (ClusterNode n : nodes) {
      assertThat(n.process().terminate()).as("exit code of %s after SIGTERM", n.name()).isIn(0, SIGTERM_EXIT);
    }
    for (ClusterNode n : CLUSTER.validators()) {
      SafetyData s = n.safety().orElseThrow(() -> new AssertionError(n.name() + " persisted no safety data"));
      CLUSTER.votes().saw(n.name(), s);
      assertThat(s.lastVote()).as("%s persisted a vote", n.name()).isPresent();
      assertThat(VoteWitness.inconsistency(s)).as("safety data of %s", n.name()).isEmpty();
    }
    List<StoredChain> chains = new ArrayList<>();
    for (ClusterNode n : nodes) {
      chains.add(StoredChain.read(n.name(), n.data(), CLUSTER.genesis()));
    }
    StoredChain longest = chains.stream().max(Comparator.comparingLong(StoredChain::head)).orElseThrow();
    LOG.info("stored heads {}; {} distinct persisted votes/timeouts and {} hash confirmations witnessed",
        chains.stream().map(c -> c.node() + "=" + c.head()).toList(), CLUSTER.votes().distinctMessages(),
        CLUSTER.chain().agreements());
    for (StoredChain c : chains) {
      assertThat(c.head()).as("stored head of %s", c.node()).isGreaterThan(3L * BLOCKS);
      assertThat(c.firstDifference(longest)).as("first height where %s differs from %s", c.node(), longest.node())
          .isEqualTo(-1);
      assertThat(c.evidence()).as("blocks with evidence stored by %s", c.node()).isEmpty();
    }
    for (ClusterNode n : nodes) {
      assertThat(n.process().logLinesContaining("double-sign", "equivocat"))
          .as("log lines of %s about double signing (%s)", n.name(), n.process().log()).isEmpty();
    }
    assertThat(CLUSTER.votes().distinctMessages()).as("persisted votes seen").isGreaterThan(BLOCKS);
    assertNoForkOrDoubleSignSeen();
  }

  private static void assertNoForkOrDoubleSignSeen() {
    assertThat(CLUSTER.chain().conflicts()).as("heights with two different hashes reported").isEmpty();
    assertThat(CLUSTER.votes().conflicts()).as("rounds with two different persisted messages").isEmpty();
  }

  private static List<ClusterNode> others(ClusterNode node) {
    return CLUSTER.validators().stream().filter(n -> n != node).toList();
  }

  private static int peers(ClusterView view, ClusterNode node) {
    return view.of(node).health().map(Health::peers).orElse(-1);
  }
}
