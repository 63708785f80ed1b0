package dev.bulwark.node.runtime;

import dev.bulwark.genesis.model.Endpoint;
import dev.bulwark.genesis.model.Genesis;
import dev.bulwark.ledger.state.merkle.MerkleStateTree;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.node.storage.DataDirectory;
import dev.bulwark.p2p.TlsConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a node needs to run, validated by the CLI: the loaded genesis, the key directory
 * (absent for an observer that keeps its own generated key), the data directory, where it
 * listens, whom it dials, which observer keys it admits and its block pacing.
 *
 * @param observer true to follow the chain without voting
 * @param tls TLS for p2p sockets (every node of a network must agree on it)
 * @param rpc how JSON-RPC is served on {@code rpcPort}
 * @param stateHistoryBlocks how many recent blocks' states stay readable (0: all, an archive node)
 */
public record NodeSettings(
    Genesis genesis,
    Optional<Path> keyDir,
    DataDirectory dataDir,
    String host,
    int p2pPort,
    int rpcPort,
    List<Endpoint> peers,
    Set<Bytes> observers,
    long minBlockIntervalMillis,
    boolean observer,
    Optional<TlsConfig> tls,
    int stateNodesInMemory,
    RpcSettings rpc,
    long stateHistoryBlocks) {
  /** The consensus default: at most one block per 250 ms on an idle network. */
  public static final long DEFAULT_MIN_BLOCK_INTERVAL_MILLIS = 250;

  public NodeSettings {
    if (genesis == null || keyDir == null || dataDir == null || host == null || peers == null
        || observers == null || tls == null || rpc == null) {
      throw new IllegalArgumentException("node settings are incomplete");
    }
    if (!observer && keyDir.isEmpty()) {
      throw new IllegalArgumentException("a validator needs its key directory");
    }
    if (stateNodesInMemory < 0) {
      throw new IllegalArgumentException("the state nodes kept in memory must not be negative");
    }
    if (stateHistoryBlocks < 0) {
      throw new IllegalArgumentException("the state history must not be negative");
    }
    if (minBlockIntervalMillis < 0) {
      throw new IllegalArgumentException("the minimum block interval must not be negative");
    }
    peers = List.copyOf(peers);
    observers = Set.copyOf(observers);
  }

  /** Settings of an archive node (every block's state kept). */
  public NodeSettings(Genesis genesis, Optional<Path> keyDir, DataDirectory dataDir, String host,
      int p2pPort, int rpcPort, List<Endpoint> peers, Set<Bytes> observers,
      long minBlockIntervalMillis, boolean observer, Optional<TlsConfig> tls, int stateNodesInMemory,
      RpcSettings rpc) {
    this(genesis, keyDir, dataDir, host, p2pPort, rpcPort, peers, observers, minBlockIntervalMillis,
        observer, tls, stateNodesInMemory, rpc, 0);
  }

  /** Settings with the default JSON-RPC settings. */
  public NodeSettings(Genesis genesis, Optional<Path> keyDir, DataDirectory dataDir, String host,
      int p2pPort, int rpcPort, List<Endpoint> peers, Set<Bytes> observers,
      long minBlockIntervalMillis, boolean observer, Optional<TlsConfig> tls, int stateNodesInMemory) {
    this(genesis, keyDir, dataDir, host, p2pPort, rpcPort, peers, observers, minBlockIntervalMillis,
        observer, tls, stateNodesInMemory, RpcSettings.DEFAULTS);
  }

  /** Settings with the default bound of state-tree nodes in memory. */
  public NodeSettings(Genesis genesis, Optional<Path> keyDir, DataDirectory dataDir, String host,
      int p2pPort, int rpcPort, List<Endpoint> peers, Set<Bytes> observers,
      long minBlockIntervalMillis, boolean observer, Optional<TlsConfig> tls) {
    this(genesis, keyDir, dataDir, host, p2pPort, rpcPort, peers, observers,
        minBlockIntervalMillis, observer, tls, MerkleStateTree.defaultResidentNodes());
  }
}
