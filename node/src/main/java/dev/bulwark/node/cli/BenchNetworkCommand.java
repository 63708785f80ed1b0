package dev.bulwark.node.cli;

import dev.bulwark.node.loadgen.LoadgenOptions;
import dev.bulwark.node.loadgen.NetworkBench;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bulwark bench network}: loadgen against N real node processes on loopback. */
@Command(
    name = "network",
    mixinStandardHelpOptions = true,
    versionProvider = BulwarkCli.Version.class,
    description = {
      "Starts --validators `bulwark node` processes on loopback from a fresh genesis (their own",
      "data dirs, fsync on, free ports), funding --accounts loadgen senders and with a",
      "blockGasLimit whose EIP-1559 target holds one second of transfers at --rate (10,000 tx/s",
      "for max); runs `bulwark loadgen` against all of them (fee cap ten times the base fee);",
      "stops them. Prints loadgen's lines, its final line unchanged, then one line:",
      "bench network: cpu_s_per_tx=<node CPU s over the run / our committed txs>",
      "blocks_per_s=<in the measured window> min_block_interval_ms=<m> block_gas_limit=<g>"
    })
final class BenchNetworkCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--validators", paramLabel = "N", defaultValue = "4",
      description = "Node processes (default: ${DEFAULT-VALUE}).")
  int validators;

  @Option(names = "--duration", paramLabel = "S", defaultValue = "30",
      description = "Measured seconds (default: ${DEFAULT-VALUE}).")
  int duration;

  @Option(names = "--warmup", paramLabel = "S", defaultValue = "5",
      description = "Unmeasured seconds of load first (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--rate", paramLabel = "R|max", defaultValue = "1000",
      description = "As loadgen's --rate (default: ${DEFAULT-VALUE}).")
  String rate;

  @Option(names = "--accounts", paramLabel = "N", defaultValue = "2000",
      description = "Loadgen senders funded in the genesis (default: ${DEFAULT-VALUE}).")
  int accounts;

  @Option(names = "--batch", paramLabel = "K", defaultValue = "50",
      description = "As loadgen's --batch (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--transport", paramLabel = "http|ws", defaultValue = "http",
      description = "As loadgen's --transport (default: ${DEFAULT-VALUE}).")
  String transport;

  @Option(names = "--type", paramLabel = "0|2", defaultValue = "2",
      description = "As loadgen's --type (default: ${DEFAULT-VALUE}).")
  int type;

  @Option(names = "--max-in-flight", paramLabel = "N", defaultValue = "4000",
      description = "As loadgen's --max-in-flight (default: ${DEFAULT-VALUE}).")
  int maxInFlight;

  @Option(names = "--max-txs", paramLabel = "N",
      description = "As loadgen's --max-txs (default: "
          + LoadgenOptions.CLOSED_LOOP_PRESIGN_PER_SECOND + " per second of warm-up and duration).")
  Integer maxTxs;

  @Option(names = "--min-block-interval", paramLabel = "MS", defaultValue = "100",
      description = "The nodes' --min-block-interval (default: ${DEFAULT-VALUE}).")
  long minBlockInterval;

  @Option(names = "--work-dir", paramLabel = "DIR",
      description = "Put (and keep) the network and node logs here (default: a temporary directory, deleted).")
  Path workDir;

  @Override
  public Integer call() {
    NetworkBench.Options options;
    try {
      if (!"http".equals(transport) && !"ws".equals(transport)) {
        throw new IllegalArgumentException("--transport must be http or ws, got " + transport);
      }
      boolean max = "max".equalsIgnoreCase(rate);
      double r = max ? 0 : Double.parseDouble(rate);
      if (!max && !(r > 0)) {
        throw new IllegalArgumentException("--rate must be a positive number of tx/s or max, got " + rate);
      }
      // The URL is a placeholder: the bench points loadgen at the nodes it starts.
      LoadgenOptions load = new LoadgenOptions(List.of(URI.create("http://127.0.0.1:1/")), accounts, r,
          duration, warmup, batch, "ws".equals(transport), type, 8, maxInFlight,
          maxTxs != null ? maxTxs
              : Math.multiplyExact(LoadgenOptions.CLOSED_LOOP_PRESIGN_PER_SECOND, warmup + duration),
          Optional.empty(), Duration.ofSeconds(30));
      options = new NetworkBench.Options(validators, load, minBlockInterval, Optional.ofNullable(workDir));
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    NetworkBench.Result result = NetworkBench.run(options, line -> {
      out.println(line);
      out.flush();
    });
    out.println(result.loadgen().summaryLine());
    out.println(result.summaryLine());
    out.flush();
    return result.loadgen().lost() > 0 ? 1 : 0;
  }
}
