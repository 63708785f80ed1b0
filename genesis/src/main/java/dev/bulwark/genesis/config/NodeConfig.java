package dev.bulwark.genesis.config;

import dev.bulwark.genesis.model.Endpoint;
import dev.bulwark.ledger.crypto.NodeKey;
import dev.bulwark.ledger.types.Bytes;
import java.nio.file.Path;
import java.util.List;

/**
 * One node's configuration ({@code node.toml}): where its genesis, keys and data are (relative
 * paths are relative to the node.toml file), the host it listens on and advertises, its p2p and
 * JSON-RPC ports, the p2p endpoints of its peers, the node public keys of the observers it
 * admits, how it serves JSON-RPC and how many recent blocks' state it keeps readable
 * ({@code stateHistoryBlocks}; null: every block's, an archive node).
 */
public record NodeConfig(
    Path genesis, Path keyDir, Path dataDir, String host, int p2pPort, int rpcPort, List<Endpoint> peers,
    List<Bytes> observers, RpcConfig rpc, Long stateHistoryBlocks) {
  /** The data directory written by the generator: {@code data} beside node.toml. */
  public static final String DEFAULT_DATA_DIR = "data";

  public NodeConfig {
    if (genesis == null || keyDir == null || dataDir == null || peers == null) {
      throw new IllegalArgumentException("node config needs genesis, keyDir, dataDir and peers");
    }
    // Reuse the endpoint rules for host and ports.
    Endpoint own = new Endpoint(host, p2pPort);
    new Endpoint(host, rpcPort);
    if (p2pPort == rpcPort) {
      throw new IllegalArgumentException("p2pPort and rpcPort must differ, both are " + p2pPort);
    }
    peers = List.copyOf(peers);
    rpc = rpc == null ? RpcConfig.NONE : rpc;
    observers = List.copyOf(observers == null ? List.of() : observers);
    for (Bytes key : observers) {
      if (!NodeKey.isValidPublicKey(key)) {
        throw new IllegalArgumentException("observers: " + key + " is not a 32-byte Ed25519 node public key");
      }
    }
    if (peers.contains(own)) {
      throw new IllegalArgumentException("peers must not contain the node's own endpoint " + own);
    }
    host = own.host();
    if (stateHistoryBlocks != null && stateHistoryBlocks < 1) {
      throw new IllegalArgumentException("stateHistoryBlocks must be at least 1: " + stateHistoryBlocks);
    }
  }

  /** A configuration that keeps every block's state (an archive node). */
  public NodeConfig(Path genesis, Path keyDir, Path dataDir, String host, int p2pPort, int rpcPort,
      List<Endpoint> peers, List<Bytes> observers, RpcConfig rpc) {
    this(genesis, keyDir, dataDir, host, p2pPort, rpcPort, peers, observers, rpc, null);
  }

  /** A configuration without JSON-RPC keys. */
  public NodeConfig(Path genesis, Path keyDir, Path dataDir, String host, int p2pPort, int rpcPort,
      List<Endpoint> peers, List<Bytes> observers) {
    this(genesis, keyDir, dataDir, host, p2pPort, rpcPort, peers, observers, RpcConfig.NONE);
  }

  /** A configuration that admits no observers. */
  public NodeConfig(Path genesis, Path keyDir, Path dataDir, String host, int p2pPort, int rpcPort,
      List<Endpoint> peers) {
    this(genesis, keyDir, dataDir, host, p2pPort, rpcPort, peers, List.of());
  }

  /** This node's own p2p endpoint. */
  public Endpoint p2pEndpoint() {
    return new Endpoint(host, p2pPort);
  }

  /** A copy whose relative paths are resolved against {@code dir} (the node.toml's directory). */
  public NodeConfig resolvedAgainst(Path dir) {
    return new NodeConfig(dir.resolve(genesis).normalize(), dir.resolve(keyDir).normalize(),
        dir.resolve(dataDir).normalize(), host, p2pPort, rpcPort, peers, observers, rpc, stateHistoryBlocks);
  }
}
