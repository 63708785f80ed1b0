package dev.bulwark.node.cli;

import dev.bulwark.ledger.bench.LedgerBench;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import dev.bulwark.consensus.sim.ConsensusBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bulwark bench}: groups the benchmarks. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    versionProvider = BulwarkCli.Version.class,
    description = "Run benchmarks (figures for notes; nothing is asserted).",
    subcommands = {BenchCommand.LedgerBenchCommand.class, BenchCommand.ConsensusBenchCommand.class,
        RpcBenchCommand.class, BenchNetworkCommand.class})
public final class BenchCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Missing required subcommand (ledger, consensus or rpc)");
  }

  /** {@code bulwark bench ledger}: execution throughput, state-root cost ratio, sender recovery. */
  @Command(
      name = "ledger",
      mixinStandardHelpOptions = true,
      versionProvider = BulwarkCli.Version.class,
      description = {
        "(1) execute + commit blocks of pre-verified transfers on one thread: transfers/s;",
        "(2) state-root update cost of one block at a small and a large state, one after the",
        "other, and the ratio of the medians;",
        "(3) secp256k1 sender recovery per transaction (libsecp256k1 when it loads, else",
        "BouncyCastle).",
        "Ends with one line: bench ledger: transfers_per_s=<n> root_cost_ratio_1m_10k=<x>"
            + " recover_us=<y>"
      })
  static final class LedgerBenchCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--quick",
        description = "Tiny sizes for a smoke run (other size options override them).")
    boolean quick;

    @Option(names = "--txs", paramLabel = "N", description = "Transfers per block (default 5000).")
    Integer txsPerBlock;

    @Option(names = "--blocks", paramLabel = "N", description = "Measured blocks (default 10).")
    Integer blocks;

    @Option(
        names = "--warmup-blocks",
        paramLabel = "N",
        description = "Warm-up blocks (default 3).")
    Integer warmupBlocks;

    @Option(
        names = "--small-accounts",
        paramLabel = "N",
        description = "Small state size (default 10000).")
    Integer smallAccounts;

    @Option(
        names = "--accounts",
        paramLabel = "N",
        description = "Large state size (default 1000000).")
    Integer largeAccounts;

    @Option(
        names = "--changed-keys",
        paramLabel = "N",
        description = "Keys one block changes (default 10000).")
    Integer changedKeys;

    @Option(
        names = "--rounds",
        paramLabel = "N",
        description = "Measured state-root rounds per size, after 30 warm-up rounds (default 15).")
    Integer rounds;

    @Option(
        names = "--recoveries",
        paramLabel = "N",
        description = "Transactions per recovery round (default 2000).")
    Integer recoveries;

    @Option(
        names = "--work-dir",
        paramLabel = "DIR",
        description = "Where the scratch LevelDB stores go (default: the temp directory).")
    Path workDir = Path.of(System.getProperty("java.io.tmpdir"));

    @Override
    public Integer call() throws Exception {
      LedgerBench.Options base =
          quick ? LedgerBench.Options.quick() : LedgerBench.Options.standard();
      LedgerBench.Options options;
      try {
        options =
            new LedgerBench.Options(
                or(txsPerBlock, base.txsPerBlock()),
                or(warmupBlocks, base.warmupBlocks()),
                or(blocks, base.blocks()),
                base.recipients(),
                or(smallAccounts, base.smallAccounts()),
                or(largeAccounts, base.largeAccounts()),
                or(changedKeys, base.changedKeys()),
                or(rounds, base.rootRounds()),
                or(recoveries, base.recoveries()));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
      PrintWriter out = spec.commandLine().getOut();
      LedgerBench.Result result =
          LedgerBench.run(
              options,
              workDir,
              line -> {
                out.println(line);
                out.flush();
              });
      out.println(result.summaryLine());
      out.flush();
      return 0;
    }

    private static int or(Integer given, int fallback) {
      return given != null ? given : fallback;
    }
  }

  @Command(
      name = "consensus",
      mixinStandardHelpOptions = true,
      versionProvider = BulwarkCli.Version.class,
      description = {
        "Consensus with real BLS on a zero-delay simulated network, n = 4, 16, 64, 128:",
        "committed blocks/s of the whole network on one core, CPU ms per node per block,",
        "QC aggregation + one verification vs n single verifications, TC verification,",
        "and proposal-to-commit latency in network delays."
      })
  static final class ConsensusBenchCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--quick", description = "Tiny sizes for a smoke run.")
    boolean quick;

    @Override
    public Integer call() {
      ConsensusBenchmark.run(
          quick ? ConsensusBenchmark.Options.quick() : ConsensusBenchmark.Options.standard(),
          spec.commandLine().getOut()::println);
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
