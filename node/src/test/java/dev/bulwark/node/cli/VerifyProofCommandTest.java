package dev.bulwark.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.node.testnet.ShortEpochNetwork;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bulwark verify-proof} against four real in-process validators with epochs of 5 blocks:
 * block 12 (epoch 3, two epoch changes after genesis) verifies from the genesis file alone, over
 * JSON-RPC and from a saved proof; each tampering fails with exit 1 and its exact reason.
 */
class VerifyProofCommandTest {
  private static final long EPOCH_LENGTH = 5;
  private static final long BLOCK = 2 * EPOCH_LENGTH + 2;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LINE = "verify-proof: block=(\\d+) hash=(0x[0-9a-f]{64}) epoch=(\\d+)"
      + " signers=(\\d+) power=(\\d+)/(\\d+) ok=true";

  @TempDir static Path dir;
  private static ShortEpochNetwork network;
  private static ObjectNode proof;

  @BeforeAll
  static void start() throws Exception {
    network = new ShortEpochNetwork(dir.resolve("net"), EPOCH_LENGTH, 50);
    network.awaitHeight(BLOCK + 1, Duration.ofSeconds(90));
    proof = (ObjectNode) fetch(BLOCK);
  }

  @AfterAll
  static void stop() throws Exception {
    network.close();
  }

  private static String genesis() {
    return network.genesisFile().toString();
  }

  @Test
  void aBlockTwoEpochChangesAfterGenesisVerifiesOverJsonRpc() {
    CliRun run = CliRun.of("verify-proof", "--genesis", genesis(), "--rpc",
        network.rpcUrl(1).toString(), "--block", String.valueOf(BLOCK));
    assertThat(run.exitCode()).as(run.err()).isZero();
    String hash = network.node(0).ledger().chain().block(BLOCK).orElseThrow().hash().toHex();
    String last = run.outLines().get(run.outLines().size() - 1);
    assertThat(last).matches(LINE).startsWith("verify-proof: block=12 hash=" + hash + " epoch=3 ");
    int signers = Integer.parseInt(last.replaceAll(LINE, "$4"));
    assertThat(signers).isBetween(3, 4);
    assertThat(last).endsWith(" power=" + stake().multiply(BigInteger.valueOf(signers)) + "/"
        + stake().multiply(BigInteger.valueOf(4)) + " ok=true");
    assertThat(run.out()).contains("genesis: epoch 1's set of 4 validators")
        .contains("epoch 1: block 5 ").contains("epoch 2: block 10 ")
        .contains("block 12: headers 12..");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void hexBlockNumbersEpochEndsAndEpochOneBlocksVerify() throws Exception {
    for (long n : new long[] {1, 5, 6, 10, 11}) {
      CliRun run = CliRun.of("verify-proof", "--genesis", genesis(), "--rpc",
          network.rpcUrl(0).toString(), "--block", "0x" + Long.toHexString(n));
      assertThat(run.exitCode()).as("block %d: %s", n, run.err()).isZero();
      assertThat(run.outLines().get(run.outLines().size() - 1))
          .startsWith("verify-proof: block=" + n + " hash=").endsWith(" ok=true");
    }
  }

  @Test
  void aSavedProofVerifiesAsResultOrAsAWholeResponse() throws Exception {
    assertThat(runOn(proof).exitCode()).isZero();
    ObjectNode response = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 1);
    response.set("result", proof);
    CliRun run = runOn(response);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.outLines().get(run.outLines().size() - 1)).matches(LINE);
  }

  @Test
  void aChangedSignatureByteIsABadAggregateSignature() throws Exception {
    CliRun run = tampered(p -> flipByte((ObjectNode) p.get("qc"), "aggregateSignature", 7));
    assertRefused(run, "bad aggregate signature: ");
    // The set of epoch 3 is still proven, so the signers' real power is shown.
    assertThat(run.outLines().get(0)).matches(
        "verify-proof: block=12 hash=0x[0-9a-f]{64} epoch=3 signers=\\d power=\\d+/\\d+ ok=false");
  }

  @Test
  void oneSignerLeftIsPowerBelowQuorum() throws Exception {
    CliRun run = tampered(p -> ((ObjectNode) p.get("qc")).put("signersBitmap", "0x01"));
    assertRefused(run, "power below quorum: ");
    assertThat(run.outLines().get(0))
        .endsWith(" signers=1 power=" + stake() + "/" + stake().multiply(BigInteger.valueOf(4))
            + " ok=false");
  }

  @Test
  void aMissingFirstEpochChangeIsABrokenEpochChain() throws Exception {
    assertRefused(tampered(p -> ((ArrayNode) p.get("epochChangeProofs")).remove(0)),
        "broken epoch chain: ");
  }

  @Test
  void aMissingLastEpochChangeIsAnUnknownEpoch() throws Exception {
    CliRun run = tampered(p -> ((ArrayNode) p.get("epochChangeProofs")).remove(1));
    assertRefused(run, "unknown epoch: ");
    assertThat(run.outLines().get(0)).endsWith(" signers=? power=?/? ok=false");
  }

  @Test
  void anotherBlocksHashIsABlockHashMismatch() throws Exception {
    JsonNode other = fetch(BLOCK - 1);
    assertRefused(tampered(p -> p.set("blockHash", other.get("blockHash"))),
        "block hash mismatch: ");
    assertRefused(tampered(p -> p.set("headers", other.get("headers"))), "block hash mismatch: ");
  }

  @Test
  void aChangedNextValidatorSetIsABrokenEpochChain() throws Exception {
    assertRefused(tampered(p -> flipByte((ObjectNode) p.get("epochChangeProofs").get(1)
        .get("nextValidatorSetProof"), "value", 40)), "broken epoch chain: ");
  }

  @Test
  void usageErrorsExitTwo() throws Exception {
    Path file = dir.resolve("proof-usage.json");
    Files.writeString(file, proof.toString());
    assertThat(CliRun.of("verify-proof", "--genesis", genesis()).exitCode()).isEqualTo(2);
    assertThat(CliRun.of("verify-proof", "--genesis", genesis(), "--proof", file.toString(),
        "--rpc", network.rpcUrl(0).toString(), "--block", "3").exitCode()).isEqualTo(2);
    assertThat(CliRun.of("verify-proof", "--genesis", genesis(), "--rpc",
        network.rpcUrl(0).toString()).exitCode()).isEqualTo(2);
    assertThat(CliRun.of("verify-proof", "--genesis", genesis(), "--rpc",
        network.rpcUrl(0).toString(), "--block", "twelve").exitCode()).isEqualTo(2);
  }

  @Test
  void aBlockTheNodeDoesNotHaveExitsOneWithTheNodesError() {
    CliRun run = CliRun.of("verify-proof", "--genesis", genesis(), "--rpc",
        network.rpcUrl(0).toString(), "--block", "999999");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("bulwark verify-proof: error: " + network.rpcUrl(0)
        + " holds no commit proof of block 999999" + System.lineSeparator());
  }

  private static BigInteger stake() {
    return network.node(0).ledger().validatorSet(1).orElseThrow().get(0).votingPower();
  }

  private static void assertRefused(CliRun run, String reason) {
    assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
    assertThat(run.err()).startsWith("verify-proof: not final: " + reason);
    assertThat(run.outLines()).hasSize(1);
    assertThat(run.outLines().get(0)).startsWith("verify-proof: block=12 ").endsWith(" ok=false");
  }

  private static CliRun tampered(Consumer<ObjectNode> change) throws Exception {
    ObjectNode copy = proof.deepCopy();
    change.accept(copy);
    return runOn(copy);
  }

  private static CliRun runOn(JsonNode json) throws Exception {
    Path file = Files.createTempFile(dir, "proof", ".json");
    Files.writeString(file, json.toString());
    return CliRun.of("verify-proof", "--genesis", genesis(), "--proof", file.toString());
  }

  private static void flipByte(ObjectNode o, String member, int index) {
    byte[] b = Bytes.fromHex(o.get(member).textValue().substring(2)).toArray();
    b[index] ^= 0x01;
    o.put(member, Bytes.of(b).toHex());
  }

  private static JsonNode fetch(long number) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(network.rpcUrl(0).toString()))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,"
                + "\"method\":\"bulwark_getCommitProof\",\"params\":[\"0x"
                + Long.toHexString(number) + "\"]}"))
            .timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body()).get("result");
  }
}
