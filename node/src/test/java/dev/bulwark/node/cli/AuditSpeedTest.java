package dev.bulwark.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.node.audit.SignedChainWriter;
import dev.bulwark.node.storage.DataDirectory;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Audit speed on a written chain with real commit proofs: {@code -Dbulwark.audit.blocks=20000
 * -Dbulwark.audit.txs=10} for the figure of the note (CI writes a short chain). Logs blocks/s and
 * transactions/s of the audit alone.
 */
class AuditSpeedTest {
  private static final Logger LOG = LoggerFactory.getLogger(AuditSpeedTest.class);

  @TempDir Path dir;

  @Test
  void auditsAWrittenChainAndReportsItsSpeed() throws Exception {
    int blocks = Integer.getInteger("bulwark.audit.blocks", 300);
    int txs = Integer.getInteger("bulwark.audit.txs", 10);
    DataDirectory data = new DataDirectory(dir.resolve("data"));
    long height;
    long writeStart = System.nanoTime();
    try (SignedChainWriter writer = new SignedChainWriter(data, 50)) {
      for (int i = 1; i <= blocks; i++) {
        writer.append(txs, List.of());
      }
      height = writer.committedHeight();
    }
    long transactions = height * txs; // every block holds txs transfers
    double writeSeconds = (System.nanoTime() - writeStart) / 1e9;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long start = System.nanoTime();
    long cpuStart = threads.getCurrentThreadCpuTime();
    CliRun run = CliRun.of("audit", "--data-dir", data.root().toString());
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.outLines()).containsExactly("audit: blocks=" + height
        + " supply_ok=true slashes=0 unbacked_slashes=0 proofs_ok=true");
    LOG.info("audit speed: {} blocks ({} transactions, written in {} s) audited in {} s: {} blocks/s,"
        + " {} tx/s; on the auditing thread's CPU time ({} s, the figure a loaded machine does not"
        + " distort): {} blocks/s, {} tx/s", height, transactions,
        String.format("%.1f", writeSeconds), String.format("%.1f", seconds),
        String.format("%.0f", height / seconds), String.format("%.0f", (transactions) / seconds),
        String.format("%.1f", cpuSeconds), String.format("%.0f", height / cpuSeconds),
        String.format("%.0f", (transactions) / cpuSeconds));
  }
}
