package dev.bulwark.genesis.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bulwark.genesis.codec.GenesisJsonWriter;
import dev.bulwark.genesis.config.NodeConfig;
import dev.bulwark.genesis.config.NodeConfigException;
import dev.bulwark.genesis.config.NodeConfigToml;
import dev.bulwark.genesis.model.Endpoint;
import dev.bulwark.genesis.model.Genesis;
import dev.bulwark.genesis.testing.TestNetworks;
import dev.bulwark.genesis.validation.GenesisLoader;
import dev.bulwark.genesis.validation.GenesisReport;
import dev.bulwark.ledger.fuzz.Fuzz;
import dev.bulwark.ledger.types.Bytes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The two files an operator hands a node: the input's first byte picks genesis JSON (even) or
 * {@code node.toml} (odd). Genesis validation always returns a report, never an exception nor
 * an internal error, and a valid genesis written back out validates to the same genesis; a
 * {@code node.toml} either loads or raises NodeConfigException, and a loaded one written back
 * out loads to the same configuration.
 */
class GenesisConfigFuzzTest {
  private static final String SOURCE = "node.toml";

  static List<byte[]> seedInputs() {
    NodeConfig plain = new NodeConfig(Path.of("../genesis.json"), Path.of("."), Path.of("data"),
        "127.0.0.1", 30304, 8546,
        List.of(Endpoint.parse("127.0.0.1:30303"), Endpoint.parse("node-3.example:30306")));
    NodeConfig observed = new NodeConfig(plain.genesis(), plain.keyDir(), plain.dataDir(),
        plain.host(), plain.p2pPort(), plain.rpcPort(), plain.peers(),
        List.of(Bytes.fromHex("3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29")));
    String withRpc = NodeConfigToml.write(plain) + String.join("\n",
        "rpcHost = '0.0.0.0'", "rpcCorsOrigins = ['*']", "rpcAllowedHosts = ['localhost']",
        "rpcMaxBodyBytes = 2048", "rpcMaxBatchSize = 10", "rpcMaxFrameBytes = 4096",
        "rpcMaxConnections = 5", "rpcMaxSubscriptions = 3", "rpcMaxFilters = 4",
        "rpcFilterTimeoutSeconds = 60", "rpcMaxLogsBlockRange = 100", "rpcMaxLogsResults = 50", "");
    return List.of(
        Fuzz.tagged(0, TestNetworks.fourJson().getBytes(StandardCharsets.UTF_8)),
        Fuzz.tagged(1, NodeConfigToml.write(plain).getBytes(StandardCharsets.UTF_8)),
        Fuzz.tagged(1, NodeConfigToml.write(observed).getBytes(StandardCharsets.UTF_8)),
        Fuzz.tagged(1, withRpc.getBytes(StandardCharsets.UTF_8)));
  }

  static Stream<Arguments> seeds() throws Exception {
    return Fuzz.seeds(seedInputs());
  }

  @Test
  void seedsHoldTheInvariants() throws Exception {
    for (byte[] seed : seedInputs()) {
      genesisAndNodeConfig(seed);
    }
  }

  @MethodSource("seeds")
  @FuzzTest(maxDuration = "10s")
  void genesisAndNodeConfig(byte[] input) throws NodeConfigException {
    if (input.length == 0) {
      return;
    }
    byte[] body = Arrays.copyOfRange(input, 1, input.length);
    if ((input[0] & 1) == 0) {
      genesis(body);
    } else {
      nodeConfig(new String(body, StandardCharsets.UTF_8));
    }
  }

  private static void genesis(byte[] json) {
    GenesisReport report = Fuzz.total("genesis validation", json, GenesisLoader::validate);
    assertThat(report.errors()).noneMatch(p -> p.reason().startsWith("internal error"));
    assertThat(report.isValid() || !report.errors().isEmpty()).isTrue();
    if (report.genesis().isEmpty()) {
      return;
    }
    Genesis genesis = report.genesis().get();
    String written = GenesisJsonWriter.write(genesis);
    GenesisReport again = GenesisLoader.validate(written);
    assertThat(again.errors()).as("a written genesis validates").isEmpty();
    assertThat(again.genesis()).contains(genesis);
    assertThat(GenesisJsonWriter.write(again.genesis().get())).isEqualTo(written);
  }

  private static void nodeConfig(String toml) throws NodeConfigException {
    Optional<NodeConfig> config = Fuzz.decode("node.toml", toml.getBytes(StandardCharsets.UTF_8),
        NodeConfigException.class, unused -> NodeConfigToml.read(toml, SOURCE));
    if (config.isEmpty()) {
      return;
    }
    String written = NodeConfigToml.write(config.get());
    NodeConfig again = NodeConfigToml.read(written, SOURCE);
    assertThat(again).as("a written node.toml loads to the same configuration").isEqualTo(config.get());
    assertThat(NodeConfigToml.write(again)).isEqualTo(written);
  }
}
