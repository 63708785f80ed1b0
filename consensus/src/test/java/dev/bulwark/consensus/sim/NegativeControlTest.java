package dev.bulwark.consensus.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Beyond the fault threshold (f+1 twinned keys, partitioned so each side holds a quorum) the
 * protocol must fork — and the monitors must see it: proof that they can fire in a real run.
 */
class NegativeControlTest {
  @Test
  void beyondThresholdFindsSafetyViolations() {
    List<SimulationRunner.Combo> combos =
        SimulationRunner.combos(List.of(Scenarios.BEYOND_THRESHOLD), List.of(4, 7));

    SimulationRunner.Summary s = SimulationRunner.runAll(combos, 300, r -> {});

    assertThat(s.safetyViolations()).isGreaterThanOrEqualTo(1);
    assertThat(s.runs()).isEqualTo(300);
    assertThat(s.failed()).isTrue();
  }
}
