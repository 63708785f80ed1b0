package dev.bulwark.node.runtime;

import dev.bulwark.node.testnet.FreePorts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.genesis.devaccounts.DevAccounts;
import dev.bulwark.genesis.generator.GeneratedNetwork;
import dev.bulwark.genesis.generator.GenesisGenerator;
import dev.bulwark.genesis.generator.GeneratorOptions;
import dev.bulwark.genesis.generator.NetworkWriter;
import dev.bulwark.genesis.model.Endpoint;
import dev.bulwark.genesis.model.Genesis;
import dev.bulwark.ledger.testkit.Await;
import dev.bulwark.node.storage.DataDirectory;
import java.io.IOException;
import java.math.BigDecimal;
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
import dev.bulwark.genesis.generator.ValidatorKeys;
import dev.bulwark.genesis.model.GenesisParams;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.protocol.websocket.WebSocketService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.Transfer;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.utils.Convert;
import org.web3j.utils.Numeric;

/**
 * web3j 4.13.0, unmodified, against four real validators in this JVM over real HTTP and
 * WebSocket: chain id, balances, pending nonce, the static pre-EIP-155 {@code Transfer.sendFunds},
 * EIP-155 and EIP-1559 transfers with their receipts, block reads by number, hash and tag,
 * {@code newHeads} for 50 consecutive blocks, geth's error texts through web3j's error objects,
 * and staking calls ABI-encoded with web3j's {@code FunctionEncoder} (permit, register, stake,
 * unstake), their events through {@code eth_getLogs} and a revert reason through {@code eth_call}.
 */
class Web3jEndToEndTest {
  private static final int VALIDATORS = 4;
  private static final long CHAIN_ID = 1337;
  private static final Duration DEADLINE = Duration.ofSeconds(120);
  private static final String TO = "0x" + "42".repeat(20);

  private static final String STAKING = "0x0000000000000000000000000000000000001000";
  private static final BigInteger MIN_STAKE = BigInteger.TEN.pow(18);

  @TempDir Path dir;
  private long stakingCallGas;
  private final List<Node> nodes = new ArrayList<>();
  private final List<Web3j> clients = new ArrayList<>();

  @AfterEach
  void stop() {
    clients.forEach(Web3j::shutdown);
    nodes.forEach(n -> n.stop().toCompletionStage().toCompletableFuture().join());
  }

  private void startNetwork() throws Exception {
    GeneratedNetwork network = GenesisGenerator.generate(new GeneratorOptions(VALIDATORS,
        "127.0.0.1", 30303, 8545, CHAIN_ID, Instant.now().getEpochSecond(), true),
        new SecureRandom());
    NetworkWriter.write(network, dir, false);
    Genesis g = network.genesis();
    GenesisParams p = g.params();
    // a development account can afford the minimum stake, so register() runs end to end
    Genesis genesis = new Genesis(g.chainId(), g.genesisTime(), new GenesisParams(
        p.epochLengthBlocks(), p.maxValidators(), MIN_STAKE, p.unbondingPeriodBlocks(),
        p.jailDurationBlocks(), p.equivocationSlashBps(), p.maxEvidenceAgeBlocks(),
        p.inactivityWindowSlots(), p.inactivityThresholdSlots(), p.inactivitySlashBps(),
        p.blockGasLimit(), p.minBaseFeePerGas(), p.stakingCallGas(), p.admin()),
        g.validators(), g.alloc());
    stakingCallGas = p.stakingCallGas();
    int[] ports = FreePorts.of(2 * VALIDATORS);
    List<Endpoint> all = new ArrayList<>();
    for (int i = 0; i < VALIDATORS; i++) {
      all.add(new Endpoint("127.0.0.1", ports[i]));
    }
    for (int i = 0; i < VALIDATORS; i++) {
      Path home = dir.resolve("validator-" + i);
      int p2p = ports[i];
      nodes.add(Node.start(new NodeSettings(genesis, Optional.of(home),
          new DataDirectory(home.resolve("data")), "127.0.0.1", p2p, ports[VALIDATORS + i],
          all.stream().filter(e -> e.port() != p2p).toList(), Set.of(), 50, false,
          Optional.empty())));
    }
  }

  private static Credentials dev(int i) {
    return Credentials.create(DevAccounts.standard().get(i).privateKey().toUnprefixedHex());
  }

  private Web3j http(int node) {
    Web3j w = Web3j.build(new HttpService("http://127.0.0.1:" + nodes.get(node).rpcPort()));
    clients.add(w);
    return w;
  }

  @Test
  void web3jTransfersReadsSubscribesAndMapsErrors() throws Exception {
    startNetwork();
    Web3j web3j = http(0);
    assertThat(web3j.ethChainId().send().getChainId()).isEqualTo(BigInteger.valueOf(CHAIN_ID));
    Credentials alice = dev(1);
    BigInteger start = web3j.ethGetBalance(alice.getAddress(), DefaultBlockParameterName.LATEST)
        .send().getBalance();
    assertThat(start).isPositive();

    // newHeads over WebSocket from now on
    WebSocketService ws = new WebSocketService("ws://127.0.0.1:" + nodes.get(1).rpcPort(), false);
    ws.connect();
    Web3j wsClient = Web3j.build(ws);
    clients.add(wsClient);
    List<Long> heads = new CopyOnWriteArrayList<>();
    var subscription = wsClient.newHeadsNotifications().subscribe(
        n -> heads.add(Numeric.decodeQuantity(n.getParams().getResult().getNumber()).longValue()));

    // web3j's static Transfer.sendFunds: a legacy transaction with v = 27/28 (pre-EIP-155)
    TransactionReceipt legacy = Transfer.sendFunds(web3j, alice, TO, BigDecimal.ONE,
        Convert.Unit.WEI).send();
    assertThat(legacy.isStatusOK()).isTrue();
    var legacyTx = web3j.ethGetTransactionByHash(legacy.getTransactionHash()).send()
        .getTransaction().orElseThrow();
    assertThat(legacyTx.getV()).isIn(27L, 28L);
    assertThat(legacy.getEffectiveGasPrice()).isEqualTo(Numeric.toHexStringWithPrefix(
        legacyTx.getGasPrice()));

    // EIP-155 through a chain-aware manager, polling every 200 ms
    RawTransactionManager manager = new RawTransactionManager(web3j, alice, CHAIN_ID,
        new PollingTransactionReceiptProcessor(web3j, 200, 150));
    TransactionReceipt protectedReceipt = new Transfer(web3j, manager)
        .sendFunds(TO, BigDecimal.TEN, Convert.Unit.WEI).send();
    assertThat(protectedReceipt.isStatusOK()).isTrue();
    assertThat(web3j.ethGetTransactionByHash(protectedReceipt.getTransactionHash()).send()
        .getTransaction().orElseThrow().getChainId()).isEqualTo(CHAIN_ID);

    // EIP-1559
    BigInteger gwei = BigInteger.TEN.pow(9);
    EthSendTransaction sent = manager.sendEIP1559Transaction(CHAIN_ID, gwei,
        gwei.multiply(BigInteger.valueOf(3)), BigInteger.valueOf(21_000), TO, "0x",
        BigInteger.valueOf(100));
    assertThat(sent.hasError()).isFalse();
    TransactionReceipt dynamic = new PollingTransactionReceiptProcessor(web3j, 200, 150)
        .waitForTransactionReceipt(sent.getTransactionHash());
    assertThat(dynamic.isStatusOK()).isTrue();
    assertThat(dynamic.getType()).isEqualTo("0x2");
    EthBlock.Block block = web3j.ethGetBlockByNumber(
        DefaultBlockParameter.valueOf(dynamic.getBlockNumber()), false).send().getBlock();
    BigInteger effective = Numeric.decodeQuantity(dynamic.getEffectiveGasPrice());
    assertThat(effective).isEqualTo(block.getBaseFeePerGas().add(gwei)
        .min(gwei.multiply(BigInteger.valueOf(3))));
    assertThat(web3j.ethGetBalance(TO, DefaultBlockParameterName.LATEST).send().getBalance())
        .isEqualTo(BigInteger.valueOf(111));
    // the balance before the first transfer, at its parent block
    assertThat(web3j.ethGetBalance(TO, DefaultBlockParameter.valueOf(
        legacy.getBlockNumber().subtract(BigInteger.ONE))).send().getBalance()).isZero();

    // block reads by number, hash and tag
    EthBlock.Block byHash = web3j.ethGetBlockByHash(dynamic.getBlockHash(), true).send()
        .getBlock();
    assertThat(byHash.getNumber()).isEqualTo(dynamic.getBlockNumber());
    assertThat(byHash.getTransactions()).extracting(t -> ((EthBlock.TransactionObject) t).getHash())
        .contains(dynamic.getTransactionHash());
    assertThat(block.getHash()).isEqualTo(dynamic.getBlockHash());
    assertThat(block.getMiner()).matches("0x[0-9a-f]{40}");
    assertThat(block.getDifficulty()).isZero();
    assertThat(block.getTotalDifficulty()).isZero();
    for (DefaultBlockParameterName tag : List.of(DefaultBlockParameterName.LATEST,
        DefaultBlockParameterName.SAFE, DefaultBlockParameterName.FINALIZED,
        DefaultBlockParameterName.PENDING, DefaultBlockParameterName.ACCEPTED)) {
      assertThat(web3j.ethGetBlockByNumber(tag, false).send().getBlock().getNumber())
          .as(tag.getValue()).isGreaterThanOrEqualTo(dynamic.getBlockNumber());
    }
    assertThat(web3j.ethGetBlockByNumber(DefaultBlockParameterName.EARLIEST, false).send()
        .getBlock().getNumber()).isZero();
    BigInteger nonce = web3j.ethGetTransactionCount(alice.getAddress(),
        DefaultBlockParameterName.PENDING).send().getTransactionCount();
    assertThat(nonce).isEqualTo(BigInteger.valueOf(3));

    // geth's texts through web3j's error objects
    BigInteger price = web3j.ethGasPrice().send().getGasPrice();
    assertThat(send(web3j, alice, BigInteger.ZERO, price).getError().getMessage())
        .isEqualTo("nonce too low");
    Credentials empty = Credentials.create(Keys.createEcKeyPair());
    assertThat(send(web3j, empty, BigInteger.ZERO, price).getError().getMessage())
        .isEqualTo("insufficient funds for gas * price + value");
    assertThat(send(web3j, alice, nonce, BigInteger.ONE).getError().getMessage())
        .isEqualTo("transaction underpriced");
    EthSendTransaction ok = send(web3j, alice, nonce, price);
    assertThat(ok.hasError()).isFalse();
    assertThat(send(web3j, alice, nonce, price).getError().getMessage())
        .isIn("already known", "nonce too low");

    long first = Await.until("a first newHeads notification", DEADLINE, () -> heads,
        h -> !h.isEmpty()).get(0);
    Await.until("50 consecutive newHeads", DEADLINE, () -> heads, h -> h.size() >= 50);
    subscription.dispose();
    List<Long> seen = List.copyOf(heads);
    for (int i = 0; i < seen.size(); i++) {
      assertThat(seen.get(i)).as("head %d of %s", i, seen).isEqualTo(first + i);
    }
  }

  @Test
  void stakingCallsEncodedByWeb3jEmitLogsAndRevertReasonsReadThroughEthCall() throws Exception {
    startNetwork();
    Web3j web3j = http(2);
    Credentials admin = dev(0);
    Credentials candidate = dev(2);
    ValidatorKeys keys = ValidatorKeys.generate(new SecureRandom());
    BigInteger price = web3j.ethGasPrice().send().getGasPrice();
    TransactionReceipt permit = call(web3j, admin, price, new Function("permit",
        List.of(new org.web3j.abi.datatypes.Address(candidate.getAddress())), List.of()),
        BigInteger.ZERO);
    TransactionReceipt register = call(web3j, candidate, price, new Function("register", List.of(
        new DynamicBytes(keys.bls().publicKey().toBytes().toArray()),
        new DynamicBytes(keys.proofOfPossession().toBytes().toArray()),
        new DynamicBytes(keys.node().publicKey().toArray())), List.of()), MIN_STAKE);
    TransactionReceipt stake = call(web3j, candidate, price,
        new Function("stake", List.of(), List.of()), MIN_STAKE);
    TransactionReceipt unstake = call(web3j, candidate, price, new Function("unstake",
        List.of(new Uint256(MIN_STAKE.divide(BigInteger.TWO))), List.of()), BigInteger.ZERO);
    for (TransactionReceipt r : List.of(permit, register, stake, unstake)) {
      assertThat(r.isStatusOK()).as(r.getTransactionHash() + " " + r.getRevertReason()).isTrue();
      assertThat(r.getLogs()).hasSize(1);
    }

    EthLog logs = web3j.ethGetLogs(new EthFilter(DefaultBlockParameter.valueOf(
        permit.getBlockNumber()), DefaultBlockParameter.valueOf(unstake.getBlockNumber()),
        STAKING)).send();
    assertThat(logs.hasError()).isFalse();
    List<String> topics = logs.getLogs().stream()
        .map(l -> ((EthLog.LogObject) l).getTopics().get(0)).toList();
    assertThat(topics).containsSubsequence(
        "0xfc5733f1abe138d4cf6fa38890593aeb756aaa64fe49be2a48a1bffa1e7890e9",
        "0xf968f0f4462bceb92d5d2379cf85bec0a8659cd8918324c8001187ff5795467f",
        "0x1449c6dd7851abc30abf37f57715f492010519147cc2652fbc38202c18a6ee90",
        "0x7fc4727e062e336010f2c282598ef5f14facb3de68cf8195c2f23e1454b2b74e");
    assertThat(web3j.ethGetCode(STAKING, DefaultBlockParameterName.LATEST).send().getCode())
        .isNotEqualTo("0x");

    // a revert reason, as web3j reads it from eth_call's code-3 error
    String tooMuch = FunctionEncoder.encode(new Function("unstake",
        List.of(new Uint256(MIN_STAKE.multiply(BigInteger.TEN))), List.of()));
    EthCall reverted = web3j.ethCall(org.web3j.protocol.core.methods.request.Transaction
        .createEthCallTransaction(candidate.getAddress(), STAKING, tooMuch),
        DefaultBlockParameterName.LATEST).send();
    assertThat(reverted.isReverted()).isTrue();
    assertThat(reverted.getError().getCode()).isEqualTo(3);
    assertThat(reverted.getRevertReason()).startsWith("execution reverted: ").hasSizeGreaterThan(
        "execution reverted: ".length());
  }

  /** A staking call encoded by web3j, sent EIP-155 and waited for. */
  private TransactionReceipt call(Web3j web3j, Credentials from, BigInteger price,
      Function function, BigInteger value) throws Exception {
    RawTransactionManager manager = new RawTransactionManager(web3j, from, CHAIN_ID,
        new PollingTransactionReceiptProcessor(web3j, 200, 150));
    String data = FunctionEncoder.encode(function);
    // the gas limit a wallet would use: eth_estimateGas of the same call
    var estimate = web3j.ethEstimateGas(org.web3j.protocol.core.methods.request.Transaction
        .createFunctionCallTransaction(from.getAddress(), null, null, null, STAKING, value, data))
        .send();
    assertThat(estimate.hasError()).as(function.getName()).isFalse();
    // STAKING.md: intrinsic gas (21,000 + 4 per zero and 16 per non-zero data byte) plus
    // stakingCallGas, which is also what the receipt shows as used
    long expected = 21_000 + stakingCallGas;
    for (byte b : Numeric.hexStringToByteArray(data)) {
      expected += b == 0 ? 4 : 16;
    }
    assertThat(estimate.getAmountUsed()).as(function.getName()).isEqualTo(expected);
    EthSendTransaction sent = manager.sendTransaction(price, estimate.getAmountUsed(),
        STAKING, data, value);
    assertThat(sent.hasError()).as(function.getName() + ": "
        + (sent.hasError() ? sent.getError().getMessage() : "")).isFalse();
    TransactionReceipt receipt = new PollingTransactionReceiptProcessor(web3j, 200, 150)
        .waitForTransactionReceipt(sent.getTransactionHash());
    assertThat(receipt.getGasUsed()).as(function.getName()).isEqualTo(expected);
    return receipt;
  }

  /** A raw legacy EIP-155 transfer of 1 wei sent with eth_sendRawTransaction. */
  private static EthSendTransaction send(Web3j web3j, Credentials from, BigInteger nonce,
      BigInteger gasPrice) throws IOException {
    RawTransaction raw = RawTransaction.createEtherTransaction(nonce, gasPrice,
        BigInteger.valueOf(21_000), TO, BigInteger.ONE);
    byte[] signed = TransactionEncoder.signMessage(raw, CHAIN_ID, from);
    return web3j.ethSendRawTransaction(Numeric.toHexString(signed)).send();
  }
}
