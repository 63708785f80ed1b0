package dev.bulwark.node.cli;

import dev.bulwark.node.loadgen.Loadgen;
import dev.bulwark.node.loadgen.LoadgenOptions;
import dev.bulwark.node.loadgen.LoadgenResult;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bulwark loadgen}: wallet-like transfer load against JSON-RPC endpoints, finality measured. */
@Command(
    name = "loadgen",
    mixinStandardHelpOptions = true,
    versionProvider = BulwarkCli.Version.class,
    description = {
      "Drives a Bulwark network (or any Ethereum JSON-RPC endpoint) with signed transfers as",
      "wallets would. Senders are the loadgen accounts (key i = keccak256(\"bulwark-loadgen:\" + i),",
      "funded by `genesis create --loadgen-accounts N`); those short of funds are topped up from",
      "the development accounts first. Every transfer is signed before the clock starts, then",
      "offered open-loop at --rate tx/s (or closed-loop with --max-in-flight outstanding for",
      "--rate max) over --rpc round-robin, and followed from submission to the first newHeads",
      "block (WebSocket of the first URL) that contains it. After the load, waits up to 30 s",
      "for accepted transactions to commit, then checks every accepted transaction's receipt.",
      "Prints a progress line every 5 s and ends with one line: loadgen: offered_tps=<x>",
      "committed_tps=<y> p50_ms=<a> p99_ms=<b> max_ms=<c> errors=<e> lost=<l>",
      "(rates and latencies over the measured window; lost = accepted, never committed).",
      "Exit codes: 0 done with lost = 0; 1 lost > 0 or the run failed; 2 bad options."
    })
public final class LoadgenCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--rpc", paramLabel = "URL[,URL…]", defaultValue = "http://127.0.0.1:8545/",
      description = "HTTP JSON-RPC endpoints, used round-robin (default: ${DEFAULT-VALUE}).")
  String rpc;

  @Option(names = "--accounts", paramLabel = "N", defaultValue = "1000",
      description = "Senders (default: ${DEFAULT-VALUE}).")
  int accounts;

  @Option(names = "--rate", paramLabel = "R|max", defaultValue = "500",
      description = "Offered tx/s (open loop), or max (closed loop) (default: ${DEFAULT-VALUE}).")
  String rate;

  @Option(names = "--duration", paramLabel = "S", defaultValue = "30",
      description = "Measured seconds (default: ${DEFAULT-VALUE}).")
  int duration;

  @Option(names = "--warmup", paramLabel = "S", defaultValue = "5",
      description = "Unmeasured seconds of load first (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--batch", paramLabel = "K", defaultValue = "50",
      description = "Most eth_sendRawTransaction calls per JSON-RPC batch; an open loop sends what is "
          + "due at once, up to K per batch (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--transport", paramLabel = "http|ws", defaultValue = "http",
      description = "Send over HTTP or WebSocket (default: ${DEFAULT-VALUE}).")
  String transport;

  @Option(names = "--type", paramLabel = "0|2", defaultValue = "2",
      description = "Transaction type: 0 legacy EIP-155, 2 EIP-1559 (default: ${DEFAULT-VALUE}).")
  int type;

  @Option(names = "--connections", paramLabel = "N", defaultValue = "8",
      description = "HTTP connections or WebSockets per endpoint (default: ${DEFAULT-VALUE}).")
  int connections;

  @Option(names = "--max-in-flight", paramLabel = "N", defaultValue = "4000",
      description = "--rate max: most transactions sent and not yet committed (default: ${DEFAULT-VALUE}).")
  int maxInFlight;

  @Option(names = "--max-txs", paramLabel = "N",
      description = "--rate max: transactions to pre-sign (default: "
          + LoadgenOptions.CLOSED_LOOP_PRESIGN_PER_SECOND + " per second of warm-up and duration).")
  Integer maxTxs;

  @Option(names = "--max-fee-per-gas", paramLabel = "WEI",
      description = "Fee cap (type 2) or gas price (type 0) (default: ten times the base fee at the start).")
  BigInteger maxFeePerGas;

  @Override
  public Integer call() {
    LoadgenOptions options = options();
    PrintWriter out = spec.commandLine().getOut();
    LoadgenResult result = Loadgen.run(options, line -> {
      out.println(line);
      out.flush();
    });
    out.println(result.summaryLine());
    out.flush();
    return result.lost() > 0 ? 1 : 0;
  }

  /** The options as given, or a usage error. */
  LoadgenOptions options() {
    try {
      List<URI> urls = Arrays.stream(rpc.split(",")).map(String::trim).map(URI::create).toList();
      double r = "max".equalsIgnoreCase(rate) ? 0 : Double.parseDouble(rate);
      if (!"max".equalsIgnoreCase(rate) && !(r > 0)) {
        throw usage("--rate must be a positive number of tx/s or max, got " + rate);
      }
      if (!"http".equals(transport) && !"ws".equals(transport)) {
        throw usage("--transport must be http or ws, got " + transport);
      }
      int presign = maxTxs != null ? maxTxs
          : Math.multiplyExact(LoadgenOptions.CLOSED_LOOP_PRESIGN_PER_SECOND, warmup + duration);
      return new LoadgenOptions(urls, accounts, r, duration, warmup, batch, "ws".equals(transport), type,
          connections, maxInFlight, presign, Optional.ofNullable(maxFeePerGas), Duration.ofSeconds(30));
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw usage(e.getMessage());
    }
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
