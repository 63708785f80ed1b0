package dev.bulwark.genesis.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.genesis.model.Endpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.crypto.NodeKey;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeConfigTomlTest {
  private static final NodeConfig CONFIG = new NodeConfig(Path.of("../genesis.json"), Path.of("."),
      Path.of("data"), "127.0.0.1", 30304, 8546,
      List.of(Endpoint.parse("127.0.0.1:30303"), Endpoint.parse("node-3.example:30306")));

  @Test
  void roundTripsThroughText() throws Exception {
    String toml = NodeConfigToml.write(CONFIG);
    assertThat(toml).startsWith("# Bulwark node configuration").contains("p2pPort = 30304");
    assertThat(NodeConfigToml.read(toml, "node.toml")).isEqualTo(CONFIG);
  }

  @Test
  void observersRoundTripAndBadKeysAreReported() throws Exception {
    Bytes observer = NodeKey.generate(new SecureRandom()).publicKey();
    NodeConfig withObserver = new NodeConfig(CONFIG.genesis(), CONFIG.keyDir(), CONFIG.dataDir(),
        CONFIG.host(), CONFIG.p2pPort(), CONFIG.rpcPort(), CONFIG.peers(), List.of(observer));
    String toml = NodeConfigToml.write(withObserver);
    assertThat(toml).contains(observer.toHex());
    assertThat(NodeConfigToml.read(toml, "node.toml").observers()).containsExactly(observer);

    String bad = NodeConfigToml.write(CONFIG) + "observers = ['0x1234', 7]\n";
    assertThatThrownBy(() -> NodeConfigToml.read(bad, "node.toml"))
        .isInstanceOf(NodeConfigException.class)
        .hasMessageContaining("observers[0]: must be a 32-byte Ed25519 node public key")
        .hasMessageContaining("observers[1]");
  }

  @Test
  void rpcKeysRoundTripAndBadValuesAreReported() throws Exception {
    RpcConfig rpc = new RpcConfig("0.0.0.0", List.of("*"), List.of("node.example"), 2048L, null, null,
        50L, null, null, 60L, null, null);
    NodeConfig withRpc = new NodeConfig(CONFIG.genesis(), CONFIG.keyDir(), CONFIG.dataDir(),
        CONFIG.host(), CONFIG.p2pPort(), CONFIG.rpcPort(), CONFIG.peers(), List.of(), rpc);
    String toml = NodeConfigToml.write(withRpc);
    assertThat(toml).contains("rpcHost = '0.0.0.0'").contains("rpcMaxConnections = 50")
        .doesNotContain("rpcMaxBatchSize");
    assertThat(NodeConfigToml.read(toml, "node.toml").rpc()).isEqualTo(rpc);
    assertThat(NodeConfigToml.read(NodeConfigToml.write(CONFIG), "node.toml").rpc()).isEqualTo(RpcConfig.NONE);

    String bad = NodeConfigToml.write(CONFIG) + "rpcMaxBatchSize = 0\nrpcCorsOrigins = '*'\nrpcHost = ''\n";
    assertThatThrownBy(() -> NodeConfigToml.read(bad, "node.toml"))
        .isInstanceOf(NodeConfigException.class)
        .hasMessageContaining("rpcMaxBatchSize: must be a positive integer")
        .hasMessageContaining("rpcCorsOrigins: must be an array of strings")
        .hasMessageContaining("rpcHost: must be a non-empty string");
  }

  @Test
  void unprotectedTxWebSocketAndStateHistoryKeysRoundTripAndBadValuesAreReported() throws Exception {
    RpcConfig rpc = new RpcConfig(null, null, null, null, null, null, null, null, null, null, null,
        null, false, 120L, 65536L);
    NodeConfig config = new NodeConfig(CONFIG.genesis(), CONFIG.keyDir(), CONFIG.dataDir(),
        CONFIG.host(), CONFIG.p2pPort(), CONFIG.rpcPort(), CONFIG.peers(), List.of(), rpc, 128L);
    String toml = NodeConfigToml.write(config);
    assertThat(toml).contains("rpcAllowUnprotectedTxs = false").contains("rpcWsIdleTimeoutSeconds = 120")
        .contains("rpcWsMaxPendingBytes = 65536").contains("stateHistoryBlocks = 128");
    assertThat(NodeConfigToml.read(toml, "node.toml")).isEqualTo(config);
    assertThat(NodeConfigToml.read(NodeConfigToml.write(CONFIG), "node.toml").stateHistoryBlocks()).isNull();

    String bad = NodeConfigToml.write(CONFIG)
        + "rpcAllowUnprotectedTxs = 'no'\nrpcWsIdleTimeoutSeconds = 0\nstateHistoryBlocks = -1\n";
    assertThatThrownBy(() -> NodeConfigToml.read(bad, "node.toml"))
        .isInstanceOf(NodeConfigException.class)
        .hasMessageContaining("rpcAllowUnprotectedTxs: must be true or false")
        .hasMessageContaining("rpcWsIdleTimeoutSeconds: must be a positive integer")
        .hasMessageContaining("stateHistoryBlocks: must be a positive integer");
  }

  @Test
  void loadResolvesPathsAgainstTheFileDirectory(@TempDir Path dir) throws Exception {
    Path v = Files.createDirectories(dir.resolve("validator-1"));
    Files.writeString(v.resolve("node.toml"), NodeConfigToml.write(CONFIG));
    NodeConfig loaded = NodeConfigToml.load(v.resolve("node.toml"));
    assertThat(loaded.genesis()).isEqualTo(dir.resolve("genesis.json").toAbsolutePath().normalize());
    assertThat(loaded.keyDir()).isEqualTo(v.toAbsolutePath().normalize());
    assertThat(loaded.dataDir()).isEqualTo(v.resolve("data").toAbsolutePath().normalize());
    assertThat(loaded.p2pEndpoint()).isEqualTo(Endpoint.parse("127.0.0.1:30304"));
  }

  @Test
  void dataDirDefaultsAndPeersMayBeEmpty() throws Exception {
    NodeConfig c = NodeConfigToml.read("""
        genesis = "g.json"
        keyDir = "keys"
        host = "localhost"
        p2pPort = 1
        rpcPort = 2
        """, "x");
    assertThat(c.dataDir()).isEqualTo(Path.of("data"));
    assertThat(c.peers()).isEmpty();
    assertThat(NodeConfigToml.read(NodeConfigToml.write(c), "x")).isEqualTo(c);
  }

  @Test
  void reportsEveryProblem() {
    assertThatThrownBy(() -> NodeConfigToml.read("""
        genesis = 5
        host = "127.0.0.1"
        p2pPort = 70000
        rpcPort = "8545"
        peers = ["nohost", "127.0.0.1:1"]
        colour = "blue"
        """, "bad.toml"))
        .isInstanceOfSatisfying(NodeConfigException.class, e -> assertThat(e.problems()).containsExactly(
            "colour: unknown field",
            "genesis: must be a non-empty string",
            "keyDir: is missing",
            "p2pPort: must be an integer between 1 and 65535",
            "rpcPort: must be an integer between 1 and 65535",
            "peers[0]: must be \"host:port\", got \"nohost\""))
        .hasMessageStartingWith("bad.toml: ");
    assertThatThrownBy(() -> NodeConfigToml.read("genesis = [", "x"))
        .isInstanceOf(NodeConfigException.class).hasMessageContaining("invalid TOML");
  }
}
