package dev.bulwark.node.loadgen;

import java.math.BigInteger;
import java.util.Locale;

/**
 * The figures of one run.
 *
 * @param window the measured window's counts and latencies
 * @param errors refusals and failed requests over the whole run
 * @param lost accepted transactions neither announced in a block nor with a receipt at the end
 * @param blocks blocks announced within the window
 * @param blockTransactions transactions (anyone's) in those blocks
 * @param committedTotal our transactions announced over the whole run (warm-up and drain included)
 * @param receiptsChecked accepted transactions whose receipt was asked for at the end
 * @param receiptMismatches receipts that disagree with the announced blocks (missing, failed,
 *     or present for a transaction never announced)
 * @param maxFeePerGas the fee cap the transactions were signed with
 */
public record LoadgenResult(LatencyBook.Window window, long errors, long lost, long blocks,
    long blockTransactions, long committedTotal, long receiptsChecked, long receiptMismatches,
    BigInteger maxFeePerGas) {
  public LoadgenResult {
    if (window == null || maxFeePerGas == null || errors < 0 || lost < 0 || blocks < 0) {
      throw new IllegalArgumentException("a loadgen result needs its window and counts");
    }
  }

  /** Offered transactions per second of the window. */
  public double offeredTps() {
    return window.offered() / window.seconds();
  }

  /** Committed transactions per second of the window. */
  public double committedTps() {
    return window.committed() / window.seconds();
  }

  /** Blocks per second of the window. */
  public double blocksPerSecond() {
    return blocks / window.seconds();
  }

  /** The one line scripts read. */
  public String summaryLine() {
    return String.format(Locale.ROOT,
        "loadgen: offered_tps=%.1f committed_tps=%.1f p50_ms=%.1f p99_ms=%.1f max_ms=%.1f errors=%d lost=%d",
        offeredTps(), committedTps(), window.percentileMillis(0.50), window.percentileMillis(0.99),
        window.percentileMillis(1.0), errors, lost);
  }
}
