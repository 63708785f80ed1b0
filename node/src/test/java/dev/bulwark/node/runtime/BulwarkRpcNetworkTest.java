package dev.bulwark.node.runtime;

import dev.bulwark.node.testnet.FreePorts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.bulwark.genesis.codec.GenesisJsonWriter;
import dev.bulwark.genesis.generator.GeneratedNetwork;
import dev.bulwark.genesis.generator.GenesisGenerator;
import dev.bulwark.genesis.generator.GeneratorOptions;
import dev.bulwark.genesis.generator.NetworkWriter;
import dev.bulwark.genesis.model.Endpoint;
import dev.bulwark.genesis.model.Genesis;
import dev.bulwark.genesis.model.GenesisParams;
import dev.bulwark.genesis.validation.GenesisLoader;
import dev.bulwark.ledger.chain.ValidatorInfo;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.testkit.Await;
import dev.bulwark.node.storage.DataDirectory;
import dev.bulwark.rpc.jsonrpc.RpcConnection;
import dev.bulwark.rpc.jsonrpc.RpcContext;
import dev.bulwark.rpc.jsonrpc.RpcException;
import dev.bulwark.rpc.jsonrpc.RpcLimits;
import dev.bulwark.rpc.jsonrpc.RpcParams;
import dev.bulwark.rpc.proof.CommitProofVerifier;
import dev.bulwark.rpc.proof.VerifiedCommit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bulwark_* namespace on four real in-process validators (epochs of 5 blocks): the ports
 * the node fills report consensus, identity and peers, and a commit proof of a block two epochs
 * after genesis, taken from a running node, verifies with nothing but the genesis file.
 */
class BulwarkRpcNetworkTest {
  private static final int VALIDATORS = 4;
  private static final long EPOCH_LENGTH = 5;
  private static final Duration DEADLINE = Duration.ofSeconds(90);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final RpcContext HTTP = new RpcContext() {
    @Override
    public Optional<RpcConnection> connection() {
      return Optional.empty();
    }

    @Override
    public RpcLimits limits() {
      return RpcLimits.DEFAULTS;
    }
  };

  @TempDir Path dir;
  private final List<Node> nodes = new ArrayList<>();

  @AfterEach
  void stopNodes() {
    nodes.forEach(n -> n.stop().toCompletionStage().toCompletableFuture().join());
  }

  @Test
  void portsReportTheRunningNetworkAndItsCommitProofsVerifyOffline() throws Exception {
    GeneratedNetwork network = GenesisGenerator.generate(
        new GeneratorOptions(VALIDATORS, "127.0.0.1", 30303, 8545, 1337,
            Instant.now().getEpochSecond(), true), new SecureRandom());
    NetworkWriter.write(network, dir, false);
    Genesis genesis = withEpochLength(network.genesis(), EPOCH_LENGTH);
    Path genesisFile = dir.resolve("short-epochs-genesis.json");
    Files.writeString(genesisFile, GenesisJsonWriter.write(genesis));
    int[] ports = FreePorts.of(2 * VALIDATORS);
    for (int i = 0; i < VALIDATORS; i++) {
      List<Endpoint> peers = new ArrayList<>();
      for (int j = 0; j < VALIDATORS; j++) {
        if (j != i) {
          peers.add(new Endpoint("127.0.0.1", ports[j]));
        }
      }
      Path home = dir.resolve("validator-" + i);
      nodes.add(Node.start(new NodeSettings(genesis, Optional.of(home),
          new DataDirectory(home.resolve("data")), "127.0.0.1", ports[i], ports[VALIDATORS + i],
          peers, Set.of(), 50, false, Optional.empty())));
    }
    Node node = nodes.get(0);
    long target = 2 * EPOCH_LENGTH + 2;
    Await.until("node 0 commits block " + target, DEADLINE, () -> node.status().head().number(),
        h -> h >= target);

    JsonNode proof = call(node, "bulwark_getCommitProof", "[\"0x" + Long.toHexString(target) + "\"]");
    Genesis loaded = GenesisLoader.validate(genesisFile).genesis().orElseThrow();
    ValidatorSet genesisSet = new ValidatorSet(1, loaded.validators().stream()
        .map(v -> new ValidatorInfo(v.address(), v.blsPublicKey(), v.nodePublicKey(), v.stake()))
        .sorted(Comparator.comparing(ValidatorInfo::address)).toList());
    VerifiedCommit verified = new CommitProofVerifier(loaded.chainId(), genesisSet).verify(proof);
    assertThat(verified.number()).isEqualTo(target);
    assertThat(verified.epoch()).isEqualTo(3);
    assertThat(verified.hash()).isEqualTo(node.ledger().chain().block(target).orElseThrow().hash());
    assertThat(proof.get("epochChangeProofs")).hasSize(2);

    JsonNode info = overHttp(node, "bulwark_nodeInfo");
    assertThat(info.get("role").textValue()).isEqualTo("validator");
    assertThat(info.get("validatorAddress").textValue()).isEqualTo(node.address().toHex());
    assertThat(info.get("chainId").textValue()).isEqualTo("0x539");

    JsonNode status = call(node, "bulwark_consensusStatus", "[]");
    assertThat(Long.decode(status.get("epoch").textValue())).isGreaterThanOrEqualTo(3);
    assertThat(Long.decode(status.get("round").textValue())).isPositive();
    assertThat(status.get("currentLeader").textValue()).matches("0x[0-9a-f]{40}");
    assertThat(Long.decode(status.get("lastCommitTime").textValue()))
        .isGreaterThan(Instant.now().minusSeconds(120).toEpochMilli());
    assertThat(status.get("syncing").booleanValue()).isFalse();

    // One entry per session: two validators may hold an inbound and an outbound one each.
    Await.until("node 0 lists the three other validators with heights", DEADLINE,
        () -> call(node, "bulwark_peers", "[]"),
        list -> nodeKeys(list).size() == 3 && allValidatorsWithHeight(list));
    JsonNode validators = call(node, "bulwark_validators", "[]");
    assertThat(validators.get("validators")).hasSize(4);
    assertThat(call(node, "bulwark_signerMetrics", "[]").get("validators")).hasSize(4);
    assertThat(call(node, "bulwark_pendingEvidence", "[]")).isEmpty();
  }

  /** The result of {@code method} (no params) over the node's real HTTP JSON-RPC endpoint. */
  private static JsonNode overHttp(Node node, String method) throws Exception {
    java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + node.rpcPort() + "/"))
            .header("Content-Type", "application/json")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":[]}"))
            .timeout(Duration.ofSeconds(10)).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.has("result")).as(response.body()).isTrue();
    return body.get("result");
  }

  private static Set<String> nodeKeys(JsonNode list) {
    Set<String> keys = new java.util.HashSet<>();
    list.forEach(p -> keys.add(p.get("nodeKey").textValue()));
    return keys;
  }

  private static boolean allValidatorsWithHeight(JsonNode list) {
    for (JsonNode p : list) {
      if (!p.get("role").textValue().equals("validator") || p.get("height").isNull()) {
        return false;
      }
    }
    return true;
  }

  private static JsonNode call(Node node, String method, String params) {
    try {
      return node.rpcMethods().get(method).orElseThrow()
          .call(new RpcParams((ArrayNode) JSON.readTree(params)), HTTP);
    } catch (RpcException | com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError(method + " failed: " + e.getMessage(), e);
    }
  }

  private static Genesis withEpochLength(Genesis g, long epochLength) {
    GenesisParams p = g.params();
    GenesisParams short_ = new GenesisParams(epochLength, p.maxValidators(), p.minStake(),
        p.unbondingPeriodBlocks(), p.jailDurationBlocks(), p.equivocationSlashBps(),
        p.maxEvidenceAgeBlocks(), p.inactivityWindowSlots(), p.inactivityThresholdSlots(),
        p.inactivitySlashBps(), p.blockGasLimit(), p.minBaseFeePerGas(), p.stakingCallGas(),
        p.admin());
    return new Genesis(g.chainId(), g.genesisTime(), short_, g.validators(), g.alloc());
  }
}
