package dev.bulwark.node.cli;

import dev.bulwark.genesis.config.NodeConfig;
import dev.bulwark.genesis.config.NodeConfigException;
import dev.bulwark.genesis.config.NodeConfigToml;
import dev.bulwark.genesis.config.RpcConfig;
import dev.bulwark.genesis.model.Endpoint;
import dev.bulwark.genesis.model.Genesis;
import dev.bulwark.genesis.model.GenesisValidator;
import dev.bulwark.genesis.model.InvalidGenesisException;
import dev.bulwark.genesis.validation.GenesisLoader;
import dev.bulwark.ledger.crypto.NodeKey;
import dev.bulwark.ledger.state.merkle.MerkleStateTree;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.node.runtime.Node;
import dev.bulwark.node.runtime.NodeSettings;
import dev.bulwark.node.runtime.NodeStartException;
import dev.bulwark.node.storage.DataDirectory;
import dev.bulwark.p2p.TlsConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bulwark node}: runs one validator or observer until SIGINT/SIGTERM. */
@Command(
    name = "node",
    mixinStandardHelpOptions = true,
    versionProvider = BulwarkCli.Version.class,
    description = {
        "Run a node: a validator with the keys of its key directory, or with --observer a full node "
            + "that follows and serves the chain without voting.",
        "Settings come from --config (a node.toml written by 'genesis create'); the flags override "
            + "it. Without --config, --genesis and --data-dir are required (and --key-dir for a validator).",
        "Stops cleanly on SIGINT/SIGTERM (a second signal exits at once). The RPC port serves JSON-RPC "
            + "on POST / and WebSocket /, and GET /health (height, hash, round, epoch, peers, syncing, "
            + "role), /livez, /readyz and /metrics.",
        "Exit codes: 0 stopped by a signal; 1 failed while running; 2 bad options or cannot start."})
public final class NodeCommand implements Callable<Integer> {
  /** Highest accepted --min-block-interval. */
  static final long MAX_MIN_BLOCK_INTERVAL_MILLIS = 60_000;
  // 16 blocks (4 s at the default pace): a call that resolved "latest" just before a few commits
  // still finds its state.
  static final long MIN_STATE_HISTORY = 16;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE", description = "node.toml to run (paths in it are relative to its directory).")
  Path config;

  @Option(names = "--genesis", paramLabel = "FILE", description = "Genesis file (overrides the config's).")
  Path genesis;

  @Option(names = "--key-dir", paramLabel = "DIR", description = "Directory with bls.key, account.key and node.key (overrides the config's). An observer uses only node.key; without it, it generates one in its data dir.")
  Path keyDir;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the ledger and the safety data live (overrides the config's).")
  Path dataDir;

  @Option(names = "--host", paramLabel = "HOST", description = "p2p address to listen on and advertise (default: the config's, else 127.0.0.1); JSON-RPC binds to --rpc-host.")
  String host;

  @Option(names = "--p2p-port", paramLabel = "PORT", description = "p2p port (default: the config's, else 30303).")
  Integer p2pPort;

  @Option(names = "--rpc-port", paramLabel = "PORT", description = "HTTP/JSON-RPC port (default: the config's, else 8545).")
  Integer rpcPort;

  @Option(names = "--peers", paramLabel = "HOST:PORT", split = ",", description = "Peers to dial, comma-separated (replaces the config's list). With none configured, the genesis validators' p2p endpoints are dialled.")
  List<String> peers;

  @Option(names = "--observers", paramLabel = "KEY", split = ",", description = "Node public keys (0x + 64 hex) of observers allowed to connect, comma-separated (added to the config's 'observers').")
  List<String> observers;

  @Option(names = "--min-block-interval", paramLabel = "MS", description = "Least time between a block and its child, in ms (default: ${DEFAULT-VALUE}).", defaultValue = "250")
  long minBlockInterval;

  @Option(names = "--state-nodes-in-memory", paramLabel = "N", description = "State-tree internal nodes kept in memory, about 430 bytes each (default: one per 2 KiB of the JVM's max heap, at least 524,288, every node of about 1.5M accounts). Past it the deepest levels are read from the store, in part.")
  Integer stateNodesInMemory;

  @Option(names = "--state-history-blocks", paramLabel = "N", description = "Keep only the last N blocks' states readable (historical eth_getBalance, eth_call, ...), at least " + MIN_STATE_HISTORY + "; older reads answer 'missing trie node'. node.toml stateHistoryBlocks (default: every block's, an archive node). Applies to blocks committed with it on.")
  Long stateHistoryBlocks;

  @Option(names = "--observer", description = "Follow the chain without validator keys; never votes.")
  boolean observer;

  @Option(names = "--tls-key", paramLabel = "FILE", description = "PEM (PKCS#8) private key for TLS on p2p sockets; needs --tls-cert. Every node of a network must use TLS or none.")
  Path tlsKey;

  @Option(names = "--tls-cert", paramLabel = "FILE", description = "PEM certificate for TLS on p2p sockets; needs --tls-key.")
  Path tlsCert;

  @Option(names = "--tls-trust", paramLabel = "FILE", description = "PEM certificate or CA that peers' certificates must chain to when dialling (default: any; peers are authenticated by their node keys).")
  Path tlsTrust;

  @CommandLine.Mixin RpcOptions rpcOptions;

  @Override
  public Integer call() throws Exception {
    NodeSettings settings = settings();
    Node node;
    try {
      node = Node.start(settings);
    } catch (NodeStartException e) {
      spec.commandLine().getErr().println("bulwark node: error: " + e.getMessage());
      return 2;
    }
    return NodeRunner.runUntilSignalled(List.of(node));
  }

  NodeSettings settings() {
    Optional<NodeConfig> file = Optional.empty();
    if (config != null) {
      try {
        file = Optional.of(NodeConfigToml.load(config));
      } catch (NodeConfigException e) {
        throw usage("--config " + config + ": " + e.getMessage());
      }
    }
    Path genesisFile = genesis != null ? genesis : file.map(NodeConfig::genesis).orElse(null);
    Path data = dataDir != null ? dataDir : file.map(NodeConfig::dataDir).orElse(null);
    Path keys = keyDir != null ? keyDir : (observer ? null : file.map(NodeConfig::keyDir).orElse(null));
    if (genesisFile == null) {
      throw usage("give --config or --genesis");
    }
    if (data == null) {
      throw usage("give --config or --data-dir");
    }
    if (keys == null && !observer) {
      throw usage("a validator needs --key-dir (or --config); use --observer to run without keys");
    }
    if (keys != null && !Files.isDirectory(keys)) {
      throw usage("--key-dir " + keys + " is not a directory");
    }
    String listenHost = host != null ? host : file.map(NodeConfig::host).orElse("127.0.0.1");
    int p2p = port("--p2p-port", p2pPort != null ? p2pPort : file.map(NodeConfig::p2pPort).orElse(30303));
    int rpc = port("--rpc-port", rpcPort != null ? rpcPort : file.map(NodeConfig::rpcPort).orElse(8545));
    if (p2p == rpc) {
      throw usage("--p2p-port and --rpc-port must differ, both are " + p2p);
    }
    try {
      new Endpoint(listenHost, p2p);
    } catch (IllegalArgumentException e) {
      throw usage("--host " + listenHost + " is invalid: " + e.getMessage());
    }
    List<Endpoint> dial = peers != null ? parsePeers() : file.map(NodeConfig::peers).orElse(List.of());
    if (minBlockInterval < 0 || minBlockInterval > MAX_MIN_BLOCK_INTERVAL_MILLIS) {
      throw usage("--min-block-interval must be between 0 and " + MAX_MIN_BLOCK_INTERVAL_MILLIS
          + " ms, got " + minBlockInterval);
    }
    if (stateNodesInMemory != null && stateNodesInMemory < 0) {
      throw usage("--state-nodes-in-memory must not be negative, got " + stateNodesInMemory);
    }
    long history = stateHistoryBlocks != null ? stateHistoryBlocks
        : file.map(NodeConfig::stateHistoryBlocks).orElse(0L);
    if (history != 0 && history < MIN_STATE_HISTORY) {
      throw usage("--state-history-blocks must be at least " + MIN_STATE_HISTORY + ", got " + history);
    }
    Set<Bytes> admitted = new LinkedHashSet<>(file.map(NodeConfig::observers).orElse(List.of()));
    admitted.addAll(observerKeys());
    Genesis chain = loadGenesis(genesisFile);
    if (dial.isEmpty()) {
      // no peers configured: dial the genesis validators' advertised endpoints (but our own)
      Endpoint own = new Endpoint(listenHost, p2p);
      dial = chain.validators().stream().map(GenesisValidator::p2pEndpoint)
          .filter(e -> !e.equals(own)).toList();
    }
    int stateNodes =
        stateNodesInMemory != null ? stateNodesInMemory : MerkleStateTree.defaultResidentNodes();
    return new NodeSettings(chain, Optional.ofNullable(keys),
        new DataDirectory(data), listenHost, p2p, rpc, dial, admitted, minBlockInterval, observer,
        tls(), stateNodes, rpcOptions.settings(file.map(NodeConfig::rpc).orElse(RpcConfig.NONE), List.of(),
            this::usage), history);
  }

  private Optional<TlsConfig> tls() {
    if (tlsKey == null && tlsCert == null) {
      if (tlsTrust != null) {
        throw usage("--tls-trust needs --tls-key and --tls-cert");
      }
      return Optional.empty();
    }
    if (tlsKey == null || tlsCert == null) {
      throw usage("--tls-key and --tls-cert go together");
    }
    for (Path f : new Path[] {tlsKey, tlsCert, tlsTrust}) {
      if (f != null && !Files.isReadable(f)) {
        throw usage("TLS file " + f + " is not a readable file");
      }
    }
    return Optional.of(new TlsConfig(tlsKey.toString(), tlsCert.toString(),
        Optional.ofNullable(tlsTrust).map(Path::toString)));
  }

  private Genesis loadGenesis(Path file) {
    try {
      return GenesisLoader.load(file);
    } catch (InvalidGenesisException e) {
      throw usage("genesis " + file + " is invalid:" + System.lineSeparator() + e.problems().stream()
          .map(p -> "  " + p.path() + ": " + p.reason()).collect(Collectors.joining(System.lineSeparator())));
    }
  }

  private List<Endpoint> parsePeers() {
    List<Endpoint> out = new ArrayList<>();
    for (String p : peers) {
      try {
        out.add(Endpoint.parse(p.trim()));
      } catch (IllegalArgumentException e) {
        throw usage("--peers: " + p + " is not HOST:PORT (" + e.getMessage() + ")");
      }
    }
    return out;
  }

  private Set<Bytes> observerKeys() {
    Set<Bytes> keys = new LinkedHashSet<>();
    for (String k : observers == null ? List.<String>of() : observers) {
      Bytes key;
      try {
        key = Bytes.fromHex(k.trim());
      } catch (IllegalArgumentException e) {
        throw usage("--observers: " + k + " is not hex: " + e.getMessage());
      }
      if (key.size() != NodeKey.KEY_SIZE || !NodeKey.isValidPublicKey(key)) {
        throw usage("--observers: " + k + " is not a 32-byte Ed25519 node public key");
      }
      keys.add(key);
    }
    return keys;
  }

  private int port(String flag, int port) {
    if (port < 1 || port > 65535) {
      throw usage(flag + " must be between 1 and 65535, got " + port);
    }
    return port;
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
