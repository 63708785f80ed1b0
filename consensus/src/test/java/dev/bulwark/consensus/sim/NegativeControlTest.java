package dev.bulwark.consensus.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Beyond the fault threshold (f+1 twinned keys, partitioned so each side holds a quorum) the
 * protocol must fork — and the monitors must see it for that reason: two honest nodes committing
 * different blocks at one height, in most runs, with no other kind of violation; the summary's
 * safety_violations counts exactly the runs with such a fork.
 */
class NegativeControlTest {
  private static final int SEEDS = 300;

  @Test
  void beyondThresholdForksHonestNodesInMostRuns() {
    List<SimulationRunner.Combo> combos =
        SimulationRunner.combos(List.of(Scenarios.BEYOND_THRESHOLD), List.of(4, 7));
    List<Violation.Kind> kinds = new ArrayList<>();
    long[] forked = new long[1];

    SimulationRunner.Summary s =
        SimulationRunner.runAll(
            combos,
            SEEDS,
            r -> {
              r.violations().forEach(v -> kinds.add(v.kind()));
              forked[0] += r.forked() ? 1 : 0;
            });

    assertThat(s.runs()).isEqualTo(SEEDS);
    assertThat(kinds).as("only forks between honest nodes").containsOnly(Violation.Kind.FORK);
    assertThat(forked[0]).as("runs with an honest fork").isGreaterThanOrEqualTo(SEEDS * 3 / 4);
    assertThat(s.safetyViolations()).isEqualTo(forked[0]);
    assertThat(s.failed()).isTrue();
  }
}
