package dev.bulwark.node.runtime;

import dev.bulwark.node.testnet.FreePorts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.bulwark.genesis.devaccounts.DevAccounts;
import dev.bulwark.genesis.generator.GeneratedNetwork;
import dev.bulwark.genesis.generator.GenesisGenerator;
import dev.bulwark.genesis.generator.GeneratorOptions;
import dev.bulwark.genesis.generator.KeyFiles;
import dev.bulwark.genesis.generator.NetworkWriter;
import dev.bulwark.genesis.generator.ValidatorKeys;
import dev.bulwark.genesis.model.Endpoint;
import dev.bulwark.genesis.model.Genesis;
import dev.bulwark.genesis.model.GenesisParams;
import dev.bulwark.ledger.crypto.Secp256k1;
import dev.bulwark.ledger.testkit.Await;
import dev.bulwark.ledger.tx.DynamicFeeTransaction;
import dev.bulwark.ledger.tx.LegacyTransaction;
import dev.bulwark.ledger.tx.SignedTransaction;
import dev.bulwark.ledger.tx.TransactionSignature;
import dev.bulwark.ledger.tx.TransactionSigner;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.node.storage.DataDirectory;
import dev.bulwark.rpc.jsonrpc.RpcConnection;
import dev.bulwark.rpc.jsonrpc.RpcContext;
import dev.bulwark.rpc.jsonrpc.RpcException;
import dev.bulwark.rpc.jsonrpc.RpcLimits;
import dev.bulwark.rpc.jsonrpc.RpcParams;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Ethereum methods as the node wires them, on four real validators and an observer in this
 * JVM (epochs of 6 blocks): transactions sent through the observer's eth_sendRawTransaction are
 * gossiped and committed, and newHeads fires once per committed block in order, on a validator
 * and on the observer while it catches up from genesis. Calls go through each node's method
 * table, as the server dispatches them.
 */
class EthRpcNetworkTest {
  private static final int VALIDATORS = 4;
  private static final Duration DEADLINE = Duration.ofSeconds(120);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private final List<Node> nodes = new ArrayList<>();

  @AfterEach
  void stop() {
    nodes.forEach(n -> n.stop().toCompletionStage().toCompletableFuture().join());
  }

  /** A WebSocket stand-in recording notifications. */
  static final class Connection implements RpcConnection {
    final List<JsonNode> heads = new CopyOnWriteArrayList<>();

    @Override
    public String id() {
      return "test-" + System.identityHashCode(this);
    }

    @Override
    public void notify(String subscriptionId, JsonNode result) {
      heads.add(result);
    }

    @Override
    public void onClose(Runnable action) {}

    @Override
    public boolean isOpen() {
      return true;
    }

    List<Long> numbers() {
      return heads.stream().map(h -> Long.decode(h.get("number").asText())).toList();
    }
  }

  private static JsonNode call(Node node, Optional<RpcConnection> ws, String method,
      Object... params) throws RpcException {
    ArrayNode array = JSON.createArrayNode();
    for (Object p : params) {
      array.add(JSON.valueToTree(p));
    }
    return node.rpcMethods().get(method).orElseThrow().call(new RpcParams(array),
        new RpcContext() {
          @Override
          public Optional<RpcConnection> connection() {
            return ws;
          }

          @Override
          public RpcLimits limits() {
            return RpcLimits.DEFAULTS;
          }
        });
  }

  @Test
  void transactionsSentToAnObserverCommitAndNewHeadsHaveNoGapOrDuplicate() throws Exception {
    GeneratedNetwork network = GenesisGenerator.generate(new GeneratorOptions(VALIDATORS,
        "127.0.0.1", 30303, 8545, 1337, Instant.now().getEpochSecond(), true), new SecureRandom());
    NetworkWriter.write(network, dir, false);
    Genesis genesis = withEpochLength(network.genesis(), 6);
    int[] ports = FreePorts.of(2 * VALIDATORS + 2);
    Path observerKeys = dir.resolve("observer");
    KeyFiles.write(observerKeys, ValidatorKeys.generate(new SecureRandom()), false);
    Set<Bytes> observers = Set.of(KeyFiles.read(observerKeys).node().publicKey());
    List<Endpoint> all = new ArrayList<>();
    for (int i = 0; i < VALIDATORS; i++) {
      all.add(new Endpoint("127.0.0.1", ports[i]));
    }
    for (int i = 0; i < VALIDATORS; i++) {
      Path home = dir.resolve("validator-" + i);
      int p2p = ports[i];
      nodes.add(Node.start(new NodeSettings(genesis, Optional.of(home),
          new DataDirectory(home.resolve("data")), "127.0.0.1", p2p, ports[VALIDATORS + i],
          all.stream().filter(e -> e.port() != p2p).toList(), observers, 50, false,
          Optional.empty())));
    }
    Node v0 = nodes.get(0);
    Connection validatorWs = new Connection();
    call(v0, Optional.of(validatorWs), "eth_subscribe", "newHeads");
    long subscribedAt = v0.ledger().head().number();

    Await.until("the validators commit block 8", DEADLINE, () -> v0.ledger().head().number(),
        h -> h >= 8);
    Node observer = Node.start(new NodeSettings(genesis, Optional.of(observerKeys),
        new DataDirectory(dir.resolve("observer-data")), "127.0.0.1", ports[2 * VALIDATORS],
        ports[2 * VALIDATORS + 1], all, Set.of(), 50, true, Optional.empty()));
    nodes.add(observer);
    Connection observerWs = new Connection();
    call(observer, Optional.of(observerWs), "eth_subscribe", "newHeads");
    long observerFrom = observer.ledger().head().number();

    Secp256k1.KeyPair sender = Secp256k1.fromPrivateKey(DevAccounts.standard().get(0).privateKey());
    Address to = Address.fromHex("0x" + "42".repeat(20));
    BigInteger gwei = BigInteger.TEN.pow(9);
    List<SignedTransaction> txs = List.of(
        TransactionSigner.sign(new LegacyTransaction(Optional.empty(), 0, gwei.multiply(
            BigInteger.TWO), 21_000, Optional.of(to), BigInteger.ONE, Bytes.EMPTY,
            TransactionSignature.NONE), sender),
        TransactionSigner.sign(new LegacyTransaction(Optional.of(BigInteger.valueOf(1337)), 1,
            gwei.multiply(BigInteger.TWO), 21_000, Optional.of(to), BigInteger.ONE, Bytes.EMPTY,
            TransactionSignature.NONE), sender),
        TransactionSigner.sign(new DynamicFeeTransaction(BigInteger.valueOf(1337), 2, gwei,
            gwei.multiply(BigInteger.TWO), 21_000, Optional.of(to), BigInteger.ONE, Bytes.EMPTY,
            List.of(), TransactionSignature.NONE), sender));
    Await.until("the observer has caught up", DEADLINE, () -> observer.ledger().head().number(),
        h -> h >= 8);
    for (SignedTransaction tx : txs) {
      assertThat(call(observer, Optional.empty(), "eth_sendRawTransaction", tx.raw().toHex())
          .asText()).isEqualTo(tx.hash().toHex());
    }
    assertThat(call(observer, Optional.empty(), "eth_getTransactionCount",
        sender.address().toHex(), "pending").asText()).isEqualTo("0x3");
    for (SignedTransaction tx : txs) {
      JsonNode receipt = Await.until("the receipt of " + tx.hash() + " on validator 0", DEADLINE,
          () -> {
            try {
              return call(v0, Optional.empty(), "eth_getTransactionReceipt", tx.hash().toHex());
            } catch (RpcException e) {
              throw new AssertionError(e);
            }
          }, r -> !r.isNull());
      assertThat(receipt.get("status").asText()).isEqualTo("0x1");
    }

    long target = v0.ledger().head().number() + 20;
    Await.until("validator 0 passes block " + target, DEADLINE,
        () -> v0.ledger().head().number(), h -> h >= target);
    Await.until("the observer passes block " + target, DEADLINE,
        () -> observer.ledger().head().number(), h -> h >= target);
    assertContiguous(validatorWs.numbers(), subscribedAt + 1, v0.ledger().head().number());
    assertContiguous(observerWs.numbers(), observerFrom + 1, observer.ledger().head().number());
    assertThat(call(observer, Optional.empty(), "eth_getBalance", to.toHex(), "latest").asText())
        .isEqualTo("0x3");
  }

  /** Exactly {@code from, from+1, …}, reaching at least {@code head - 1} (a commit may be in flight). */
  private static void assertContiguous(List<Long> numbers, long from, long head) {
    assertThat(numbers).isNotEmpty();
    for (int i = 0; i < numbers.size(); i++) {
      assertThat(numbers.get(i)).as("notification %d of %s", i, numbers).isEqualTo(from + i);
    }
    assertThat(numbers.get(numbers.size() - 1)).isGreaterThanOrEqualTo(head - 1);
  }

  private static Genesis withEpochLength(Genesis g, long epochLength) {
    GenesisParams p = g.params();
    return new Genesis(g.chainId(), g.genesisTime(), new GenesisParams(epochLength,
        p.maxValidators(), p.minStake(), p.unbondingPeriodBlocks(), p.jailDurationBlocks(),
        p.equivocationSlashBps(), p.maxEvidenceAgeBlocks(), p.inactivityWindowSlots(),
        p.inactivityThresholdSlots(), p.inactivitySlashBps(), p.blockGasLimit(),
        p.minBaseFeePerGas(), p.stakingCallGas(), p.admin()), g.validators(), g.alloc());
  }
}
