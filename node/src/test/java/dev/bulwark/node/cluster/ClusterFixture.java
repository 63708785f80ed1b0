package dev.bulwark.node.cluster;

import dev.bulwark.genesis.codec.GenesisJsonWriter;
import dev.bulwark.genesis.model.GenesisParams;
import java.io.IOException;
import java.nio.file.Files;
import java.util.function.UnaryOperator;
import dev.bulwark.consensus.safety.SafetyData;
import dev.bulwark.genesis.generator.KeyFileException;
import dev.bulwark.genesis.generator.KeyFiles;
import dev.bulwark.genesis.model.Genesis;
import dev.bulwark.genesis.validation.GenesisLoader;
import dev.bulwark.ledger.testkit.Await;
import dev.bulwark.node.cli.BulwarkCli;
import dev.bulwark.node.storage.DataDirectory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local network of validator JVMs plus one observer, on free ports, each with its own data
 * directory under one test directory. Register it as a static {@code @RegisterExtension} field:
 * it kills every node it started after the class (failed or not) and, when a test fails, logs
 * each node's log file path and its last lines. Tests of one class build on each other's cluster
 * state, so after one fails the later ones are skipped rather than failed for the same cause.
 */
final class ClusterFixture implements BeforeEachCallback, AfterAllCallback, TestWatcher {
  /** The chain id of the test network. */
  static final long CHAIN_ID = 1337;
  /** Log lines shown per node when a test fails. */
  static final int TAIL_LINES = 40;
  private static final String MAIN = BulwarkCli.class.getName();
  private static final Logger LOG = LoggerFactory.getLogger(ClusterFixture.class);

  private final int validatorCount;
  private final List<String> nodeOptions;
  private final HealthClient healthClient = new HealthClient();
  private final ChainWitness chain = new ChainWitness();
  private final VoteWitness votes = new VoteWitness();
  private final List<ClusterNode> validators = new ArrayList<>();
  private Path dir;
  private int p2pBase;
  private Genesis genesis;
  private ClusterNode observer;
  private String firstFailure;

  /** A cluster of {@code validatorCount} validators whose nodes all get {@code nodeOptions}. */
  ClusterFixture(int validatorCount, String... nodeOptions) {
    this.validatorCount = validatorCount;
    this.nodeOptions = List.of(nodeOptions);
  }

  /**
   * Writes the network into {@code dir} (genesis, validator keys and configs, an observer key) on
   * a run of free ports; starts nothing.
   */
  void create(Path dir) throws KeyFileException {
    this.dir = dir;
    int slots = validatorCount + 1; // the observer takes the port after the validators'
    int p2p = FreePorts.run(2 * slots);
    int rpc = p2p + slots;
    p2pBase = p2p;
    cli("genesis", "create", "--validators", String.valueOf(validatorCount), "--out", dir.toString(),
        "--base-p2p-port", String.valueOf(p2p), "--base-rpc-port", String.valueOf(rpc),
        "--chain-id", String.valueOf(CHAIN_ID));
    genesis = GenesisLoader.load(dir.resolve("genesis.json"));
    Path observerKeys = dir.resolve("observer-keys");
    cli("keys", "generate", "--out", observerKeys.toString());
    String observerKey = KeyFiles.read(observerKeys).node().publicKey().toHex();
    for (int i = 0; i < validatorCount; i++) {
      Path home = dir.resolve("validator-" + i);
      List<String> args = new ArrayList<>(List.of("node", "--config", home.resolve("node.toml").toString(),
          "--data-dir", home.resolve("data").toString(), "--observers", observerKey));
      args.addAll(nodeOptions);
      validators.add(node("validator-" + i, args, rpc + i, home.resolve("data"), true));
    }
    String peers = IntStream.range(0, validatorCount)
        .mapToObj(i -> "127.0.0.1:" + (p2p + i)).collect(Collectors.joining(","));
    Path observerData = dir.resolve("observer-data");
    List<String> args = new ArrayList<>(List.of("node", "--observer",
        "--genesis", dir.resolve("genesis.json").toString(), "--key-dir", observerKeys.toString(),
        "--data-dir", observerData.toString(), "--p2p-port", String.valueOf(p2p + validatorCount),
        "--rpc-port", String.valueOf(rpc + validatorCount), "--peers", peers));
    args.addAll(nodeOptions);
    observer = node("observer", args, rpc + validatorCount, observerData, false);
    LOG.info("cluster in {}: p2p ports from {}, RPC ports from {}", dir, p2p, rpc);
  }

  private ClusterNode node(String name, List<String> args, int rpcPort, Path data, boolean validator) {
    NodeProcess process = new NodeProcess(name, MAIN, args, dir.resolve("logs").resolve(name + ".log"));
    return new ClusterNode(process, rpcPort, new DataDirectory(data), validator);
  }

  /** Runs the CLI in this JVM; fails with its output unless it exits 0. */
  private static void cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = BulwarkCli.newCommandLine()
        .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
    if (code != 0) {
      throw new IllegalStateException("bulwark " + String.join(" ", args) + " exited " + code + ": " + out + err);
    }
  }

  /**
   * Rewrites the created genesis file with {@code change} applied to its parameters (before any
   * node starts: every node and config reads that one file).
   */
  void rewriteGenesis(UnaryOperator<GenesisParams> change) throws IOException {
    genesis = new Genesis(genesis.chainId(), genesis.genesisTime(), change.apply(genesis.params()),
        genesis.validators(), genesis.alloc());
    Files.writeString(dir.resolve("genesis.json"), GenesisJsonWriter.write(genesis));
  }

  /**
   * A second process of validator {@code i}, started exactly as the original but with its own data
   * directory and ports (an operator's copied key directory); not started, not sampled.
   */
  ClusterNode twin(int i, String name) {
    int p2p = FreePorts.run(2);
    Path home = dir.resolve("validator-" + i);
    Path data = dir.resolve(name + "-data");
    String observerKey;
    try {
      observerKey = KeyFiles.read(observerKeyDir()).node().publicKey().toHex();
    } catch (KeyFileException e) {
      throw new IllegalStateException("the observer key written by create() is unreadable", e);
    }
    List<String> args = new ArrayList<>(List.of("node", "--config", home.resolve("node.toml").toString(),
        "--data-dir", data.toString(), "--p2p-port", String.valueOf(p2p),
        "--rpc-port", String.valueOf(p2p + 1), "--observers", observerKey));
    args.addAll(nodeOptions);
    return node(name, args, p2p + 1, data, true);
  }

  /** The p2p port of validator {@code i}. */
  int p2pPort(int i) {
    return p2pBase + i;
  }

  /** The observer's key directory (its node key is admitted by every validator). */
  Path observerKeyDir() {
    return dir.resolve("observer-keys");
  }

  /** The genesis of the network. */
  Genesis genesis() {
    return genesis;
  }

  /** Validator {@code i}. */
  ClusterNode validator(int i) {
    return validators.get(i);
  }

  /** All validators. */
  List<ClusterNode> validators() {
    return List.copyOf(validators);
  }

  /** The observer (not started by default; the validators accept its key). */
  ClusterNode observer() {
    return observer;
  }

  /** The validators and the observer. */
  List<ClusterNode> nodes() {
    List<ClusterNode> all = new ArrayList<>(validators);
    if (observer != null) {
      all.add(observer);
    }
    return all;
  }

  /** Live fork detector fed by every observation. */
  ChainWitness chain() {
    return chain;
  }

  /** Double-sign detector fed by every observation of the validators' safety files. */
  VoteWitness votes() {
    return votes;
  }

  /**
   * Observes every node once: process, health, persisted safety data; feeds both witnesses. Fails
   * at once, with its exit code and last log lines, if a node ended without being stopped.
   */
  ClusterView sample() {
    List<NodeState> states = new ArrayList<>();
    for (ClusterNode n : nodes()) {
      if (n.process().exitedOnItsOwn()) {
        throw new AssertionError(n.name() + " exited on its own with code " + n.process().exitCode()
            + "; log " + n.process().log() + ", last lines:\n  " + String.join("\n  ", n.process().logTail(TAIL_LINES)));
      }
      boolean alive = n.process().alive();
      Optional<Health> health = Optional.empty();
      String problem = "";
      if (alive) {
        try {
          health = Optional.of(healthClient.get(n.rpcPort()));
          chain.saw(n.name(), health.get().height(), health.get().latestHash());
        } catch (UncheckedIOException | IllegalStateException e) {
          problem = e.getMessage();
        }
      }
      Optional<SafetyData> safety = n.validator() ? n.safety() : Optional.empty();
      safety.ifPresent(s -> votes.saw(n.name(), s));
      states.add(new NodeState(n.name(), alive, health, problem, safety));
    }
    return ClusterView.of(states);
  }

  /** Observes until {@code done} holds; fails after {@code timeout} naming {@code what}. */
  ClusterView await(String what, Duration timeout, Predicate<ClusterView> done) {
    long start = System.nanoTime();
    ClusterView view = Await.until(what, timeout, this::sample, done);
    LOG.info("{} after {} ms: {}", what, (System.nanoTime() - start) / 1_000_000, view);
    return view;
  }

  /** Observes for the whole {@code window}; fails as soon as {@code invariant} is broken. */
  ClusterView watch(String what, Duration window, Predicate<ClusterView> invariant) {
    ClusterView view = Await.during(what, window, this::sample, invariant);
    LOG.info("{} held for {} ms: {}", what, window.toMillis(), view);
    return view;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    Assumptions.assumeTrue(firstFailure == null, () -> "skipped: the cluster is in an unknown state since "
        + firstFailure + " failed");
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    if (firstFailure == null) {
      firstFailure = context.getDisplayName();
    }
    StringBuilder report = new StringBuilder("cluster test failed: " + context.getDisplayName()
        + "; cluster directory " + dir);
    for (ClusterNode n : nodes()) {
      NodeProcess p = n.process();
      report.append("\n--- ").append(p).append(", started ").append(p.starts()).append(" times, log ")
          .append(p.log()).append(", last ").append(TAIL_LINES).append(" lines:");
      p.logTail(TAIL_LINES).forEach(line -> report.append("\n  ").append(line));
    }
    LOG.error("{}", report);
  }

  /** Kills every node still running. */
  @Override
  public void afterAll(ExtensionContext context) {
    nodes().forEach(ClusterNode::close);
  }
}
