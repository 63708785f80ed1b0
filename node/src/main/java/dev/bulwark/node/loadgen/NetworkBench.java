package dev.bulwark.node.loadgen;

import dev.bulwark.genesis.generator.GeneratedNetwork;
import dev.bulwark.genesis.generator.GenesisGenerator;
import dev.bulwark.genesis.generator.GeneratorOptions;
import dev.bulwark.genesis.generator.KeyFileException;
import dev.bulwark.genesis.generator.NetworkWriter;
import dev.bulwark.genesis.model.Genesis;
import dev.bulwark.genesis.model.ParamSpec;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * {@code bulwark bench network}: N real {@code bulwark node} processes on loopback from a fresh
 * genesis (own data directories; the nodes fsync as always), loadgen against all of them, then
 * the nodes' CPU per committed transaction and the block rate.
 */
public final class NetworkBench {
  /** Rate the block gas limit is sized for under {@code --rate max}. */
  static final double MAX_RATE_ASSUMED = 10_000;
  private static final Duration START_TIMEOUT = Duration.ofSeconds(300); // JVM start-up on a loaded 2-core box

  /**
   * What to run.
   *
   * @param validators node processes
   * @param loadgen the load (its URLs are replaced by the nodes')
   * @param minBlockIntervalMillis the nodes' {@code --min-block-interval}
   * @param workDir where the network goes (kept), or empty for a temporary one (deleted)
   */
  public record Options(int validators, LoadgenOptions loadgen, long minBlockIntervalMillis,
      Optional<Path> workDir) {
    public Options {
      if (validators < 1 || validators > 64 || loadgen == null || minBlockIntervalMillis < 0
          || workDir == null) {
        throw new IllegalArgumentException("--validators must be 1..64 and --min-block-interval not negative");
      }
    }
  }

  /** The loadgen result and the network's figures. */
  public record Result(LoadgenResult loadgen, double cpuSecondsPerTx, long minBlockIntervalMillis,
      long blockGasLimit) {
    /** The bench's own line (printed after loadgen's). */
    public String summaryLine() {
      return String.format(Locale.ROOT, "bench network: cpu_s_per_tx=%.6f blocks_per_s=%.2f"
              + " min_block_interval_ms=%d block_gas_limit=%d", cpuSecondsPerTx,
          loadgen.blocksPerSecond(), minBlockIntervalMillis, blockGasLimit);
    }
  }

  private NetworkBench() {}

  /**
   * A block gas limit whose EIP-1559 target (half) holds one second of transfers at {@code rate}
   * (0: {@link #MAX_RATE_ASSUMED}), so blocks stay at or under the target and the base fee at
   * its floor even when blocks come only once a second; never below the default.
   */
  static long blockGasLimit(double rate) {
    double r = rate > 0 ? rate : MAX_RATE_ASSUMED;
    long limit = (long) Math.ceil(2 * r * Presigned.TRANSFER_GAS);
    return Math.max(ParamSpec.BLOCK_GAS_LIMIT.defaultLong(), limit);
  }

  /** Runs the bench; {@code progress} gets loadgen's lines and the bench's own. */
  public static Result run(Options options, Consumer<String> progress) {
    boolean temporary = options.workDir().isEmpty();
    Path dir;
    try {
      dir = temporary ? Files.createTempDirectory("bulwark-bench-network-") : options.workDir().get();
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new LoadgenException("cannot create the bench directory: " + e.getMessage(), e);
    }
    boolean keep = true;
    try {
      Result result = run(options, dir, progress);
      keep = result.loadgen().lost() > 0;
      return result;
    } finally {
      if (temporary && !keep) {
        deleteTree(dir);
      } else if (temporary) {
        progress.accept("bench network: kept " + dir + " (node logs in validator-*/node.log)");
      }
    }
  }

  private static Result run(Options options, Path dir, Consumer<String> progress) {
    int n = options.validators();
    int p2p = NodeProcesses.freePortRun(2 * n);
    int rpc = p2p + n;
    long gasLimit = blockGasLimit(options.loadgen().rate());
    GeneratedNetwork generated = GenesisGenerator.generate(new GeneratorOptions(n, "127.0.0.1", p2p, rpc,
        1337, Instant.now().getEpochSecond(), true, options.loadgen().accounts()), new SecureRandom());
    Genesis g = generated.genesis();
    Genesis genesis = new Genesis(g.chainId(), g.genesisTime(), g.params().withBlockGasLimit(gasLimit),
        g.validators(), g.alloc());
    try {
      NetworkWriter.write(new GeneratedNetwork(genesis, generated.validators()), dir, true);
    } catch (KeyFileException e) {
      throw new LoadgenException(e.getMessage(), e);
    }
    progress.accept(String.format(Locale.ROOT, "bench network: %d validators in %s (p2p %d.., rpc %d..),"
        + " block_gas_limit=%d, min_block_interval_ms=%d, %d funded loadgen accounts", n, dir, p2p, rpc,
        gasLimit, options.minBlockIntervalMillis(), options.loadgen().accounts()));
    List<URI> urls = new ArrayList<>();
    try (NodeProcesses nodes = new NodeProcesses()) {
      for (int i = 0; i < n; i++) {
        Path home = dir.resolve("validator-" + i);
        nodes.start(List.of("node", "--config", home.resolve("node.toml").toString(),
            "--min-block-interval", String.valueOf(options.minBlockIntervalMillis())), home.resolve("node.log"));
        urls.add(URI.create("http://127.0.0.1:" + (rpc + i) + "/"));
      }
      awaitBlocks(urls, nodes);
      double cpuBefore = nodes.cpuSeconds();
      LoadgenOptions l = options.loadgen();
      LoadgenResult result = Loadgen.run(new LoadgenOptions(urls, l.accounts(), l.rate(), l.durationSeconds(),
          l.warmupSeconds(), l.batch(), l.webSocket(), l.type(), l.connections(), l.maxInFlight(),
          l.maxTransactions(), l.maxFeePerGas(), l.drain()), progress);
      double cpu = nodes.cpuSeconds() - cpuBefore;
      String dead = nodes.exited();
      if (dead != null) {
        throw new LoadgenException(dead + " ended during the run; see its node.log in " + dir);
      }
      return new Result(result, result.committedTotal() == 0 ? 0 : cpu / result.committedTotal(),
          options.minBlockIntervalMillis(), gasLimit);
    }
  }

  private static void awaitBlocks(List<URI> urls, NodeProcesses nodes) {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    for (URI u : urls) {
      RpcCalls rpc = new RpcCalls(u);
      while (true) {
        String dead = nodes.exited();
        if (dead != null) {
          throw new LoadgenException(dead + " ended while starting");
        }
        try {
          if (RpcCalls.quantity(rpc.call("eth_blockNumber", "[]")).longValue() >= 2) {
            break;
          }
        } catch (LoadgenException e) {
          if (System.nanoTime() > deadline) {
            throw new LoadgenException("the network did not commit block 2 within "
                + START_TIMEOUT.toSeconds() + " s: " + e.getMessage(), e);
          }
        }
        if (System.nanoTime() > deadline) {
          throw new LoadgenException("the network did not commit block 2 within " + START_TIMEOUT.toSeconds() + " s");
        }
        Funding.pause();
      }
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new LoadgenException("cannot delete " + dir + ": " + e.getMessage(), e);
    }
  }
}
