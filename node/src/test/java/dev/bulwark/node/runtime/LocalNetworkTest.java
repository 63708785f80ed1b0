package dev.bulwark.node.runtime;

import dev.bulwark.node.testnet.FreePorts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.genesis.devaccounts.DevAccounts;
import dev.bulwark.genesis.generator.GeneratedNetwork;
import dev.bulwark.genesis.generator.KeyFiles;
import dev.bulwark.genesis.generator.ValidatorKeys;
import dev.bulwark.genesis.generator.GenesisGenerator;
import dev.bulwark.genesis.generator.GeneratorOptions;
import dev.bulwark.genesis.generator.NetworkWriter;
import dev.bulwark.genesis.model.Endpoint;
import dev.bulwark.genesis.model.Genesis;
import dev.bulwark.genesis.model.GenesisParams;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.crypto.Secp256k1;
import dev.bulwark.ledger.mempool.AddResult;
import dev.bulwark.ledger.testkit.Await;
import dev.bulwark.ledger.tx.DynamicFeeTransaction;
import dev.bulwark.ledger.tx.TransactionSignature;
import dev.bulwark.ledger.tx.TransactionSigner;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.node.storage.DataDirectory;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four real nodes in this JVM (p2p over loopback, LevelDB, real BLS): they commit, agree block by
 * block, carry transfers submitted to one node into blocks on all, and cross epoch boundaries
 * (epochs of 6 blocks, so the epoch-ending commits with proof paths and the epoch changes run).
 */
class LocalNetworkTest {
  private static final int VALIDATORS = 4;
  private static final long EPOCH_LENGTH = 6;
  private static final Duration DEADLINE = Duration.ofSeconds(90);

  @TempDir Path dir;
  private final List<Node> nodes = new ArrayList<>();

  @AfterEach
  void stopNodes() {
    nodes.forEach(n -> n.stop().toCompletionStage().toCompletableFuture().join());
  }

  private Genesis genesis;
  private int[] ports;
  private Set<Bytes> observers = Set.of();

  private void createNetwork() throws Exception {
    GeneratedNetwork network = GenesisGenerator.generate(
        new GeneratorOptions(VALIDATORS, "127.0.0.1", 30303, 8545, 1337,
            Instant.now().getEpochSecond(), true), new SecureRandom());
    NetworkWriter.write(network, dir, false);
    genesis = withEpochLength(network.genesis(), EPOCH_LENGTH);
    ports = FreePorts.of(2 * VALIDATORS + 2);
  }

  private List<Endpoint> validatorEndpointsBut(int self) {
    List<Endpoint> peers = new ArrayList<>();
    for (int j = 0; j < VALIDATORS; j++) {
      if (j != self) {
        peers.add(new Endpoint("127.0.0.1", ports[j]));
      }
    }
    return peers;
  }

  private Node startValidator(int i) throws NodeStartException {
    Path home = dir.resolve("validator-" + i);
    return Node.start(new NodeSettings(genesis, Optional.of(home),
        new DataDirectory(home.resolve("data")), "127.0.0.1", ports[i], ports[VALIDATORS + i],
        validatorEndpointsBut(-1).stream().filter(e -> e.port() != ports[i]).toList(), observers,
        50, false, Optional.empty()));
  }

  @Test
  void fourValidatorsCommitTransfersAndCrossEpochsInAgreement() throws Exception {
    createNetwork();
    for (int i = 0; i < VALIDATORS; i++) {
      nodes.add(startValidator(i));
    }
    await("every node commits block 3", () -> minHeight() >= 3, this::heights);

    Secp256k1.KeyPair sender = Secp256k1.fromPrivateKey(DevAccounts.standard().get(0).privateKey());
    Address receiver = Address.fromHex("0x" + "42".repeat(20));
    int transfers = 20;
    for (int nonce = 0; nonce < transfers; nonce++) {
      var tx = TransactionSigner.sign(new DynamicFeeTransaction(Optional.of(BigInteger.valueOf(1337)),
          nonce, BigInteger.TEN.pow(9), BigInteger.TEN.pow(11), 21_000, Optional.of(receiver),
          BigInteger.ONE, Bytes.EMPTY, List.of(), TransactionSignature.NONE), sender);
      assertThat(nodes.get(nonce % VALIDATORS).submitTransaction(tx.raw()))
          .isInstanceOf(AddResult.Added.class);
    }
    await("every node holds all transfers in its committed state",
        () -> nodes.stream().allMatch(n ->
            n.ledger().headState().account(receiver).balance().intValue() == transfers),
        () -> nodes.stream().map(n -> n.ledger().headState().account(receiver).balance()).toList());

    long target = 3 * EPOCH_LENGTH + 2;
    await("every node passes block " + target + " (three epoch changes)",
        () -> minHeight() >= target, this::heights);
    assertThat(nodes).allSatisfy(n -> assertThat(n.status().health().epoch()).isGreaterThanOrEqualTo(4));

    long common = minHeight();
    int withTransactions = 0;
    for (long h = 0; h <= common; h++) {
      Block b0 = nodes.get(0).ledger().chain().block(h).orElseThrow();
      for (Node n : nodes) {
        assertThat(n.ledger().chain().block(h).orElseThrow().hash()).as("block %d", h).isEqualTo(b0.hash());
      }
      withTransactions += b0.transactions().isEmpty() ? 0 : 1;
      assertThat(b0.evidence()).as("no validator equivocated").isEmpty();
    }
    assertThat(withTransactions).isPositive();
    assertThat(residentStateNodes(nodes.get(0)))
        .as("the scrape reports the state-tree nodes held in memory").isPositive();
  }

  /** {@code bulwark_state_resident_nodes} from the node's {@code GET /metrics}. */
  private static double residentStateNodes(Node node) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.rpcPort() + "/metrics"))
            .timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body().lines()
        .filter(l -> l.startsWith("bulwark_state_resident_nodes "))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.indexOf(' ') + 1)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no bulwark_state_resident_nodes in the scrape"));
  }

  @Test
  void aStoppedValidatorCatchesUpAndVotesAgainAndAFreshObserverSyncsFromGenesis() throws Exception {
    createNetwork();
    Path observerKeys = dir.resolve("observer");
    KeyFiles.write(observerKeys, ValidatorKeys.generate(new SecureRandom()), false);
    observers = Set.of(KeyFiles.read(observerKeys).node().publicKey());
    for (int i = 0; i < VALIDATORS; i++) {
      nodes.add(startValidator(i));
    }
    await("every node commits block 3", () -> minHeight() >= 3, this::heights);

    Node stopped = nodes.remove(VALIDATORS - 1);
    stopped.stop().toCompletionStage().toCompletableFuture().join();
    long stoppedAt = stopped.status().head().number();
    long epochBefore = new DataDirectory(dir.resolve("validator-3/data")).safetyStorage().load()
        .epoch();
    long target = stoppedAt + 4 * EPOCH_LENGTH;
    await("three validators commit on to block " + target, () -> minHeight() >= target, this::heights);

    Node restarted = startValidator(VALIDATORS - 1);
    nodes.add(restarted);
    await("the restarted validator catches up past block " + target,
        () -> restarted.status().head().number() >= target, this::heights);
    DataDirectory restartedData = new DataDirectory(dir.resolve("validator-3/data"));
    // safety data rounds restart each epoch: a vote stored for a later epoch was signed after the restart
    await("the restarted validator votes again",
        () -> {
          var data = restartedData.safetyStorage().load();
          return data.epoch() > epochBefore && data.lastVote().isPresent();
        },
        () -> restartedData.safetyStorage().load());

    Node observer = Node.start(new NodeSettings(genesis, Optional.of(observerKeys),
        new DataDirectory(dir.resolve("observer-data")), "127.0.0.1", ports[2 * VALIDATORS],
        ports[2 * VALIDATORS + 1], validatorEndpointsBut(-1), Set.of(), 50, true, Optional.empty()));
    nodes.add(observer);
    long tip = nodes.get(0).status().head().number();
    await("the observer syncs from genesis past block " + tip,
        () -> observer.status().head().number() >= tip,
        () -> observer.status().health());
    assertThat(observer.status().health().role()).isEqualTo("observer");
    Block same = nodes.get(0).ledger().chain().block(tip).orElseThrow();
    assertThat(observer.ledger().chain().block(tip).orElseThrow().hash()).isEqualTo(same.hash());
  }

  private long minHeight() {
    return nodes.stream().mapToLong(n -> n.status().head().number()).min().orElse(0);
  }

  private List<Long> heights() {
    return nodes.stream().map(n -> n.status().head().number()).toList();
  }

  private static void await(String what, BooleanSupplier condition, Supplier<?> observed) {
    Await.until(what, DEADLINE, observed, seen -> condition.getAsBoolean());
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
