package dev.bulwark.consensus.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.types.Hash;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A node whose safety data can no longer be written halts, in the simulation as in the node: it
 * stops for good (no proposal or commit of it afterwards) while the other three go on.
 */
class SimulationHaltTest {
  private static final long FAILS_AT = 3_000;

  @Test
  void aHaltedNodeHandlesNoFurtherEvent() {
    List<String> halts = new ArrayList<>();
    List<Long> afterHalt = new ArrayList<>();
    SimOptions.Probe probe =
        new SimOptions.Probe() {
          @Override
          public void halted(int node, String reason, long t) {
            halts.add(node + "@" + t + ": " + reason);
          }

          @Override
          public void proposed(int node, Hash block, long t) {
            if (node == 0 && !halts.isEmpty()) {
              afterHalt.add(t);
            }
          }

          @Override
          public void committed(int node, List<Block> blocks, long t) {
            if (node == 0 && !halts.isEmpty()) {
              afterHalt.add(t);
            }
          }
        };
    for (long seed = 1; seed <= 3; seed++) {
      halts.clear();
      PlanBuilder b = new PlanBuilder(4, new java.util.SplittableRandom(seed));
      b.diskFailures.add(new Plan.DiskFailure(0, FAILS_AT));
      SimResult r =
          Simulation.run(
              "halt", b.build(), seed, false, new SimOptions(250, 1, 4, true, Long.MAX_VALUE,
                  probe));

      assertThat(halts).as("seed " + seed).singleElement().asString()
          .startsWith("0@").contains("no space left on the simulated disk");
      assertThat(afterHalt).as("the halted node does nothing more").isEmpty();
      assertThat(r.violations()).as("the other three stay safe and live").isEmpty();
      assertThat(r.commits()).isGreaterThan(20);
    }
  }
}
