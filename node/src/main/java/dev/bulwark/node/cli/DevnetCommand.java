package dev.bulwark.node.cli;

import dev.bulwark.genesis.config.NodeConfig;
import dev.bulwark.genesis.config.NodeConfigException;
import dev.bulwark.genesis.config.NodeConfigToml;
import dev.bulwark.genesis.devaccounts.DevAccount;
import dev.bulwark.genesis.devaccounts.DevAccounts;
import dev.bulwark.genesis.generator.GeneratedNetwork;
import dev.bulwark.genesis.generator.GenesisGenerator;
import dev.bulwark.genesis.generator.GeneratorOptions;
import dev.bulwark.genesis.generator.NetworkWriter;
import dev.bulwark.genesis.model.Genesis;
import dev.bulwark.genesis.model.InvalidGenesisException;
import dev.bulwark.genesis.validation.GenesisLoader;
import dev.bulwark.ledger.state.merkle.MerkleStateTree;
import dev.bulwark.node.runtime.Node;
import dev.bulwark.node.runtime.NodeSettings;
import dev.bulwark.node.runtime.NodeStartException;
import dev.bulwark.node.storage.DataDirectory;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bulwark devnet}: a local network of N validators in this one process. */
@Command(
    name = "devnet",
    mixinStandardHelpOptions = true,
    versionProvider = BulwarkCli.Version.class,
    description = {
        "Run a local development network: N validators in this process on 127.0.0.1. The first run "
            + "creates keys and a genesis in the data dir (funding the ten Hardhat/Anvil development "
            + "accounts); later runs resume the same chain.",
        "Validator 0 serves JSON-RPC (HTTP POST / and WebSocket /, CORS open to any origin unless "
            + "--rpc-cors-origins says otherwise) and GET /health on --rpc-port; validator i on "
            + "--rpc-port + i. p2p uses --base-p2p-port + i. Ctrl-C stops cleanly.",
        "Exit codes: 0 stopped by a signal; 1 failed while running; 2 bad options or cannot start."})
public final class DevnetCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--validators", paramLabel = "N", defaultValue = "4",
      description = "Number of validators (1..16, default: ${DEFAULT-VALUE}); must match an existing data dir.")
  int validators;

  @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "devnet-data",
      description = "Where keys, genesis and chain data live (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--rpc-port", paramLabel = "PORT", defaultValue = "8545",
      description = "HTTP port of validator 0 (default: ${DEFAULT-VALUE}).")
  int rpcPort;

  @Option(names = "--base-p2p-port", paramLabel = "PORT", defaultValue = "30303",
      description = "p2p port of validator 0; validator i gets PORT + i (default: ${DEFAULT-VALUE}).")
  int baseP2pPort;

  @Option(names = "--min-block-interval", paramLabel = "MS", defaultValue = "250",
      description = "Least time between a block and its child, in ms (default: ${DEFAULT-VALUE}).")
  long minBlockInterval;

  @CommandLine.Mixin RpcOptions rpcOptions;

  @Override
  public Integer call() throws Exception {
    check();
    Path genesisFile = dataDir.resolve(NetworkWriter.GENESIS_FILE);
    PrintWriter out = spec.commandLine().getOut();
    if (!Files.exists(genesisFile)) {
      GeneratorOptions options = new GeneratorOptions(validators, "127.0.0.1", baseP2pPort, rpcPort,
          1337, Instant.now().getEpochSecond(), true);
      GeneratedNetwork network = GenesisGenerator.generate(options, new SecureRandom());
      NetworkWriter.write(network, dataDir, false);
      out.printf("Created a %d-validator devnet in %s%n", validators, dataDir.toAbsolutePath());
    } else {
      out.printf("Resuming the devnet in %s%n", dataDir.toAbsolutePath());
    }
    Genesis genesis = load(genesisFile);
    if (genesis.validators().size() != validators) {
      throw usage(dataDir + " holds a " + genesis.validators().size() + "-validator devnet, not "
          + validators + "; pass --validators " + genesis.validators().size() + " or use another --data-dir");
    }
    List<Node> nodes = new ArrayList<>();
    try {
      for (int i = 0; i < validators; i++) {
        nodes.add(Node.start(settings(genesis, i)));
      }
    } catch (NodeStartException e) {
      nodes.forEach(Node::stop);
      spec.commandLine().getErr().println("bulwark devnet: error: " + e.getMessage());
      return 2;
    }
    printBanner(out, genesis);
    return NodeRunner.runUntilSignalled(nodes);
  }

  private NodeSettings settings(Genesis genesis, int i) {
    Path dir = dataDir.resolve("validator-" + i);
    NodeConfig config;
    try {
      config = NodeConfigToml.load(dir.resolve(NodeConfigToml.FILE_NAME));
    } catch (NodeConfigException e) {
      throw usage("devnet validator " + i + ": " + e.getMessage());
    }
    List<dev.bulwark.genesis.model.Endpoint> peers = new ArrayList<>();
    for (int j = 0; j < validators; j++) {
      if (j != i) {
        peers.add(new dev.bulwark.genesis.model.Endpoint("127.0.0.1", baseP2pPort + j));
      }
    }
    // The validators share this JVM's heap, so they share the default bound of state nodes too.
    int stateNodes = MerkleStateTree.defaultResidentNodes() / validators;
    return new NodeSettings(genesis, Optional.of(config.keyDir()), new DataDirectory(config.dataDir()),
        "127.0.0.1", baseP2pPort + i, rpcPort + i, peers, Set.of(), minBlockInterval, false,
        Optional.empty(), stateNodes, rpcOptions.settings(config.rpc(), List.of("*"), this::usage));
  }

  private void printBanner(PrintWriter out, Genesis genesis) {
    out.printf("Bulwark devnet running: %d validators, chain id %d%n", validators, genesis.chainId());
    out.printf("  JSON-RPC of validator 0: http://127.0.0.1:%d and ws://127.0.0.1:%d  (also GET /health, /metrics)%n",
        rpcPort, rpcPort);
    out.printf("Development accounts (mnemonic \"%s\"; their keys are public, never hold value):%n",
        DevAccounts.MNEMONIC);
    for (DevAccount a : DevAccounts.standard()) {
      out.printf("  (%d) %s  private key %s%n", a.index(), a.address().toChecksumHex(), a.privateKey());
    }
    out.println("Ctrl-C stops the network; running the command again resumes it.");
    out.flush();
  }

  private Genesis load(Path file) {
    try {
      return GenesisLoader.load(file);
    } catch (InvalidGenesisException e) {
      throw usage(file + " is not a valid genesis: " + e.getMessage());
    }
  }

  private void check() {
    if (validators < 1 || validators > 16) {
      throw usage("--validators must be between 1 and 16, got " + validators);
    }
    PortRange rpc = new PortRange("--rpc-port", rpcPort, validators);
    PortRange p2p = new PortRange("--base-p2p-port", baseP2pPort, validators);
    for (PortRange r : new PortRange[] {rpc, p2p}) {
      if (r.problem() != null) {
        throw usage(r.problem());
      }
    }
    if (p2p.overlaps(rpc)) {
      throw usage("--rpc-port and --base-p2p-port ranges overlap: " + rpc + " and " + p2p);
    }
    if (minBlockInterval < 0 || minBlockInterval > NodeCommand.MAX_MIN_BLOCK_INTERVAL_MILLIS) {
      throw usage("--min-block-interval must be between 0 and "
          + NodeCommand.MAX_MIN_BLOCK_INTERVAL_MILLIS + " ms, got " + minBlockInterval);
    }
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
