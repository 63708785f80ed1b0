package dev.bulwark.consensus.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Same seed, same run: the trace hash (and everything else) repeats exactly. */
class DeterminismTest {
  private static SimResult run(Scenario s, int n, long seed) {
    return SimulationRunner.run(new SimulationRunner.Combo(s, n), seed);
  }

  @Test
  void theSameSeedReplaysTheSameTrace() {
    for (Scenario s : List.of(Scenarios.MIXED, Scenarios.TWINS, Scenarios.SPAMMER)) {
      SimResult a = run(s, 4, 42);
      SimResult b = run(s, 4, 42);

      assertThat(b.traceHash()).as(s.name()).isEqualTo(a.traceHash());
      assertThat(b.events()).isEqualTo(a.events());
      assertThat(b.commits()).isEqualTo(a.commits());
      assertThat(b.violations()).isEqualTo(a.violations());
    }
  }

  @Test
  void aRealBlsRunIsDeterministicToo() {
    SimResult a = run(Scenarios.REAL_BLS, 4, 3);
    SimResult b = run(Scenarios.REAL_BLS, 4, 3);

    assertThat(a.realBls()).isTrue();
    assertThat(b.traceHash()).isEqualTo(a.traceHash());
  }

  @Test
  void differentSeedsGiveDifferentRuns() {
    assertThat(run(Scenarios.LOSSY, 4, 1).traceHash())
        .isNotEqualTo(run(Scenarios.LOSSY, 4, 2).traceHash());
  }
}
