package dev.bulwark.node.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.genesis.generator.GeneratedNetwork;
import dev.bulwark.genesis.generator.GenesisGenerator;
import dev.bulwark.genesis.generator.GeneratorOptions;
import dev.bulwark.genesis.generator.NetworkWriter;
import dev.bulwark.node.storage.DataDirectory;
import dev.bulwark.rpc.jsonrpc.RpcLimits;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A running node serves JSON-RPC on its RPC port beside /health, on the --rpc-host address. */
class RpcWiringTest {
  /** Another loopback address than the p2p one, so the test tells the two binds apart. */
  private static final String RPC_HOST = "127.0.0.2";

  @TempDir Path dir;
  private Node node;
  private final HttpClient client = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    if (node != null) {
      node.stop().toCompletionStage().toCompletableFuture().join();
    }
  }

  private JsonNode call(String method) throws Exception {
    return call(RPC_HOST, method);
  }

  private JsonNode call(String host, String method) throws Exception {
    String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":[]}";
    HttpResponse<String> r = client.send(HttpRequest.newBuilder(
            URI.create("http://" + host + ":" + node.rpcPort() + "/"))
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return new ObjectMapper().readTree(r.body());
  }

  @Test
  void theNodeAnswersNetMethodsOverHttp() throws Exception {
    GeneratedNetwork network = GenesisGenerator.generate(new GeneratorOptions(1, "127.0.0.1", 30303,
        8545, 1337, Instant.now().getEpochSecond(), true), new SecureRandom());
    NetworkWriter.write(network, dir, false);
    int p2p;
    try (ServerSocket a = new ServerSocket(0)) {
      p2p = a.getLocalPort();
    }
    Path home = dir.resolve("validator-0");
    // p2p on 127.0.0.1, JSON-RPC on 127.0.0.2 only: --host and --rpc-host are separate.
    RpcSettings rpc = new RpcSettings(RPC_HOST, List.of(), List.of("localhost"), RpcLimits.DEFAULTS);
    node = Node.start(new NodeSettings(network.genesis(), Optional.of(home),
        new DataDirectory(home.resolve("data")), "127.0.0.1", p2p, 0, List.of(), Set.of(), 50, false,
        Optional.empty(), 100_000, rpc));
    assertThatThrownBy(() -> call("127.0.0.1", "net_version")).isInstanceOf(ConnectException.class);

    assertThat(call("net_version").get("result").asText()).isEqualTo("1337");
    assertThat(call("net_listening").get("result").asBoolean()).isTrue();
    assertThat(call("net_peerCount").get("result").asText()).isEqualTo("0x0");
    assertThat(call("web3_clientVersion").get("result").asText()).startsWith("bulwark/v");
    assertThat(call("eth_nope").get("error").get("code").asInt()).isEqualTo(-32601);
    HttpResponse<String> health = client.send(HttpRequest.newBuilder(
        URI.create("http://" + RPC_HOST + ":" + node.rpcPort() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(new ObjectMapper().readTree(health.body()).get("chainId").asLong()).isEqualTo(1337);
  }
}
