package dev.bulwark.consensus.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The CI run of the simulation: 300 seeded runs dealt over every scenario at 4 and 7 validators
 * (every tenth with real BLS), with no broken invariant allowed. A failure names the seed and the
 * command that replays it.
 */
class SimulationSuiteTest {
  private static final int SEEDS = 300;

  @Test
  void threeHundredRunsOverAllScenariosBreakNoInvariant() {
    List<SimulationRunner.Combo> combos = SimulationRunner.combos(Scenarios.ALL, List.of(4, 7));
    List<String> failures = new ArrayList<>();
    List<Long> commits = new ArrayList<>();
    long[] offences = new long[2];
    SimulationRunner.Summary summary =
        SimulationRunner.runAll(
            combos,
            SEEDS,
            r -> {
              commits.add(r.commits());
              offences[0] += r.offencesReported();
              offences[1] += r.offencesSlashed();
              if (r.failed()) {
                failures.add(
                    "seed "
                        + r.seed()
                        + " ("
                        + r.scenario()
                        + ", n="
                        + r.validators()
                        + "): "
                        + r.violations().get(0)
                        + "\n  replay: "
                        + SimulationRunner.comboFor(combos, r.seed()).replayCommand(r.seed()));
              }
            });

    assertThat(failures).as(String.join("\n", failures)).isEmpty();
    assertThat(summary.runs()).isEqualTo(SEEDS);
    assertThat(summary.failed()).isFalse();
    assertThat(commits).as("every run commits blocks").allMatch(c -> c > 0);
    assertThat(offences[0]).as("equivocations are detected").isPositive();
    assertThat(offences[1]).as("and their evidence is committed (slashed)").isPositive();
  }
}
