package dev.bulwark.consensus.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every validator crashes at once and restarts with what its disk keeps (committed chain, safety
 * data, block tree): liveness returns after the restart (review defect D2). Failures print the seed
 * and the command that replays it.
 */
class WholeClusterRestartTest {
  /** The review's reproduction: four nodes crash together at 3.0 s and restart at 3.5 s. */
  private static Plan fixedCut(int n, long crashAt, long restartAt) {
    List<NodeSpec> nodes = new ArrayList<>();
    Map<Integer, Long> powers = new TreeMap<>();
    List<CrashSpec> crashes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      nodes.add(new NodeSpec(i, BehaviourKind.HONEST));
      powers.put(i, 100L);
      crashes.add(new CrashSpec(i, crashAt, restartAt, false));
    }
    return new Plan(
        nodes,
        n,
        List.of(new EpochSchedule.Seats(powers)),
        20,
        NetworkSpec.CALM,
        List.of(),
        crashes,
        restartAt,
        restartAt + 25_000,
        true);
  }

  private static String describe(SimResult r) {
    return "seed "
        + r.seed()
        + " (n="
        + r.validators()
        + "): highest honest commit "
        + r.commits()
        + ", first violation "
        + r.violations().get(0);
  }

  @Test
  void theClusterRecoversAfterEveryNodeRestartsAtOnceAtAFixedInstant() {
    List<String> failures = new ArrayList<>();
    for (long seed = 1; seed <= 10; seed++) {
      SimResult r = Simulation.run("all-restart", fixedCut(4, 3000, 3500), seed, false);
      if (r.failed()) {
        failures.add(describe(r));
      }
    }
    assertThat(failures).as(String.join("\n", failures)).isEmpty();
  }

  @Test
  void theScenarioRecoversForEverySeedAtFourAndSevenValidators() {
    List<String> failures = new ArrayList<>();
    long commits = 0;
    for (int n : List.of(4, 7)) {
      SimulationRunner.Combo combo = new SimulationRunner.Combo(Scenarios.WHOLE_CLUSTER_RESTART, n);
      for (long seed = 1; seed <= (n == 4 ? 24 : 12); seed++) {
        SimResult r = SimulationRunner.run(combo, seed);
        commits += r.commits();
        if (r.failed()) {
          failures.add(describe(r) + "\n  replay: " + combo.replayCommand(seed));
        }
      }
    }
    assertThat(failures).as(String.join("\n", failures)).isEmpty();
    assertThat(commits).isPositive();
  }
}
