package dev.bulwark.consensus.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ledger.chain.Block;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The real-ledger family runs the node's own ledger path in the simulation: leaders' drafts are
 * rebuilt from real mempools, blocks carry client transfers, and commits cross epoch ends.
 */
class RealLedgerScenarioTest {
  @Test
  void theRealLedgerCommitsClientTransfersAcrossEpochs() {
    List<Block> committed = new ArrayList<>();
    SimOptions.Probe probe =
        new SimOptions.Probe() {
          @Override
          public void committed(int node, List<Block> blocks, long t) {
            if (node == 0) {
              committed.addAll(blocks);
            }
          }
        };
    SimOptions options =
        new SimOptions(250, 1, 4, true, Long.MAX_VALUE, probe);
    for (Scenario s : List.of(Scenarios.REAL_LEDGER, Scenarios.REAL_LEDGER_CRASH)) {
      for (int n : List.of(4, 7)) {
        committed.clear();
        SimResult r = Simulation.run(s.name(), s.plan(n, 5), 5, true, options);

        assertThat(r.violations()).as(s.name() + " n=" + n).isEmpty();
        assertThat(r.commits()).as(s.name()).isGreaterThan(PlanBuilder.EPOCH_LENGTH + 1); // past an epoch end
        assertThat(committed.stream().mapToLong(b -> b.transactions().size()).sum())
            .as("client transfers reach committed blocks through the mempool")
            .isPositive();
      }
    }
  }
}
