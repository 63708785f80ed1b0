package dev.bulwark.node.loadgen;

import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What {@code bulwark loadgen} runs.
 *
 * @param urls HTTP JSON-RPC endpoints, used round-robin; the first one's WebSocket is followed
 * @param accounts senders (loadgen accounts 0 … N-1)
 * @param rate offered transactions per second (open loop), or 0 for a closed loop ("max")
 * @param durationSeconds the measured window
 * @param warmupSeconds load before the window, not measured
 * @param batch most transactions per JSON-RPC batch
 * @param webSocket send over WebSockets rather than HTTP
 * @param type transaction type, 0 (legacy EIP-155) or 2 (EIP-1559)
 * @param connections HTTP connections or WebSockets per endpoint
 * @param maxInFlight closed loop: most transactions sent and not yet committed or refused
 * @param maxTransactions closed loop: transactions to pre-sign (the run ends early without more)
 * @param maxFeePerGas fee cap (gas price for type 0); empty: ten times the base fee at the start
 * @param drain how long to wait after the load for accepted transactions to commit
 */
public record LoadgenOptions(List<URI> urls, int accounts, double rate, int durationSeconds,
    int warmupSeconds, int batch, boolean webSocket, int type, int connections, int maxInFlight,
    int maxTransactions, Optional<BigInteger> maxFeePerGas, Duration drain) {
  /** Most senders one run derives. */
  public static final int MAX_ACCOUNTS = 100_000;
  /** Most transactions one run pre-signs (memory: about 0.5 KB each). */
  public static final long MAX_TRANSACTIONS = 5_000_000;
  /** Pre-signed transactions per second of a closed-loop run, unless told otherwise. */
  public static final int CLOSED_LOOP_PRESIGN_PER_SECOND = 4_000;

  public LoadgenOptions {
    urls = List.copyOf(urls);
    if (urls.isEmpty()) {
      throw new IllegalArgumentException("at least one --rpc URL");
    }
    for (URI u : urls) {
      if (!"http".equalsIgnoreCase(u.getScheme()) || u.getHost() == null) {
        throw new IllegalArgumentException("--rpc takes http://host:port/ URLs, got " + u);
      }
    }
    check(accounts >= 1 && accounts <= MAX_ACCOUNTS, "--accounts must be 1.." + MAX_ACCOUNTS);
    check(rate >= 0 && Double.isFinite(rate), "--rate must be positive or max");
    check(durationSeconds >= 1, "--duration must be at least 1 s");
    check(warmupSeconds >= 0, "--warmup must not be negative");
    check(batch >= 1 && batch <= 1000, "--batch must be 1..1000");
    check(type == 0 || type == 2, "--type must be 0 or 2");
    check(connections >= 1 && connections <= 256, "--connections must be 1..256");
    check(maxInFlight >= batch, "--max-in-flight must be at least --batch");
    check(maxTransactions >= 1, "--max-txs must be at least 1");
    check(transactions() <= MAX_TRANSACTIONS, "at most " + MAX_TRANSACTIONS
        + " pre-signed transactions per run (rate × (warmup + duration))");
    check(maxFeePerGas != null && maxFeePerGas.map(f -> f.signum() > 0).orElse(true),
        "--max-fee-per-gas must be positive");
    check(drain != null && !drain.isNegative(), "the drain time must not be negative");
  }

  /** True for the closed loop ({@code --rate max}). */
  public boolean closedLoop() {
    return rate == 0;
  }

  /** How many transactions the run pre-signs. */
  public long transactions() {
    return closedLoop() ? maxTransactions : (long) Math.ceil(rate * (warmupSeconds + (double) durationSeconds));
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
