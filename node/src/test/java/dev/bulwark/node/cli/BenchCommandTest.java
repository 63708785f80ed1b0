package dev.bulwark.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {
  @Test
  void tinyRunEndsWithTheSummaryLineAndCleansUp(@TempDir Path dir) throws Exception {
    CliRun run =
        CliRun.of(
            "bench",
            "ledger",
            "--quick",
            "--txs",
            "20",
            "--blocks",
            "1",
            "--warmup-blocks",
            "0",
            "--small-accounts",
            "100",
            "--accounts",
            "300",
            "--changed-keys",
            "50",
            "--rounds",
            "1",
            "--recoveries",
            "5",
            "--work-dir",
            dir.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = run.outLines();
    assertThat(lines.get(lines.size() - 1))
        .matches(
            "bench ledger: transfers_per_s=\\d+ root_cost_ratio_1m_10k=\\d+\\.\\d\\d"
                + " recover_us=\\d+\\.\\d");
    assertThat(lines).filteredOn(l -> l.startsWith("bench ledger:")).hasSize(1);
    assertThat(run.out()).contains("[1/3]", "[2/3]", "[3/3]");
    try (var left = Files.list(dir)) {
      assertThat(left).as("scratch stores deleted").isEmpty();
    }
  }

  @Test
  void inconsistentSizesAreAUsageError(@TempDir Path dir) {
    CliRun run =
        CliRun.of(
            "bench",
            "ledger",
            "--quick",
            "--changed-keys",
            "5000",
            "--small-accounts",
            "100",
            "--work-dir",
            dir.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("invalid benchmark sizes");
  }

  @Test
  void quickConsensusRunPrintsOneRowPerNetworkSize() {
    CliRun run = CliRun.of("bench", "consensus", "--quick");
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> rows = run.outLines().stream().filter(l -> l.matches("\\d+ +\\d.*")).toList();
    assertThat(rows).isNotEmpty();
    assertThat(rows.get(0)).startsWith("4 ");
    // six numeric columns after n: throughput, cpu, qc, single verifies, tc, latency
    assertThat(rows.get(0).trim().split(" +")).hasSize(7);
  }
}
