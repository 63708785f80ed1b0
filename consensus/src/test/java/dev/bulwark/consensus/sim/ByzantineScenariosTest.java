package dev.bulwark.consensus.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scenarios written for the catch-up and detector defects, run on their own: lying sync
 * servers at epoch boundaries break no invariant, and every equivocation of a validator that first
 * flooded the detectors is reported and ends up in committed blocks.
 */
class ByzantineScenariosTest {
  private static final int SEEDS = 12;

  private static List<SimResult> run(Scenario scenario) {
    List<SimulationRunner.Combo> combos = SimulationRunner.combos(List.of(scenario), List.of(4, 7));
    List<SimResult> results = new ArrayList<>();
    SimulationRunner.runAll(combos, SEEDS, results::add);
    return results;
  }

  private static List<String> failures(List<SimResult> results) {
    return results.stream()
        .filter(SimResult::failed)
        .map(r -> "seed " + r.seed() + " n=" + r.validators() + ": " + r.violations().get(0))
        .toList();
  }

  @Test
  void lyingSyncServersAtEpochBoundariesBreakNothing() {
    List<SimResult> results = run(Scenarios.BYZANTINE_SYNC);

    assertThat(failures(results)).isEmpty();
    assertThat(results).allSatisfy(r -> assertThat(r.commits()).isPositive());
  }

  @Test
  void equivocationsAfterADetectorFloodAreReportedAndCommitted() {
    List<SimResult> results = run(Scenarios.DETECTOR_FLOOD);

    assertThat(failures(results)).isEmpty();
    assertThat(results)
        .allSatisfy(
            r -> {
              assertThat(r.offencesReported()).as("seed %d reports offences", r.seed()).isPositive();
              assertThat(r.offencesSlashed()).as("seed %d slashes", r.seed()).isPositive();
            });
  }
}
