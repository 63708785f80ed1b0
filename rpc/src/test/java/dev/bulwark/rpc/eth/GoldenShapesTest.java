package dev.bulwark.rpc.eth;

import static dev.bulwark.ledger.execution.ChainFixture.GWEI;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.crypto.Secp256k1;
import dev.bulwark.ledger.execution.FakeSystemModule;
import dev.bulwark.ledger.tx.SignedTransaction;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every object checked field by field against ETH-RPC.md section 1.2 (ethers' required and
 * nullable fields), web3j's extra reads (section 2) and the consensus fields of rpc-common: the
 * exact set of members and each member's encoding.
 */
class GoldenShapesTest {
  static final Pattern QUANTITY = Pattern.compile("0x(0|[1-9a-f][0-9a-f]*)");
  static final Pattern HASH = Pattern.compile("0x[0-9a-f]{64}");
  static final Pattern ADDRESS = Pattern.compile("0x[0-9a-f]{40}");
  static final Pattern DATA = Pattern.compile("0x([0-9a-f]{2})*");

  static final Set<String> HEADER = Set.of("number", "hash", "parentHash", "nonce", "mixHash",
      "sha3Uncles", "logsBloom", "transactionsRoot", "stateRoot", "receiptsRoot", "miner",
      "difficulty", "extraData", "gasLimit", "gasUsed", "timestamp", "baseFeePerGas",
      "epoch", "round", "skippedRounds", "qc");
  static final Set<String> BLOCK = union(HEADER,
      Set.of("totalDifficulty", "size", "uncles", "transactions"));
  static final Set<String> TX_LEGACY = Set.of("blockHash", "blockNumber", "from", "gas",
      "gasPrice", "hash", "input", "nonce", "to", "transactionIndex", "value", "type", "v", "r",
      "s");
  static final Set<String> TX_155 = union(TX_LEGACY, Set.of("chainId"));
  static final Set<String> TX_2930 = union(TX_155, Set.of("accessList", "yParity"));
  static final Set<String> TX_1559 = union(TX_2930, Set.of("maxFeePerGas", "maxPriorityFeePerGas"));
  static final Set<String> RECEIPT = Set.of("transactionHash", "transactionIndex", "blockHash",
      "blockNumber", "from", "to", "cumulativeGasUsed", "gasUsed", "contractAddress", "logs",
      "logsBloom", "status", "type", "effectiveGasPrice");
  static final Set<String> LOG = Set.of("address", "topics", "data", "blockNumber", "blockHash",
      "transactionHash", "transactionIndex", "logIndex", "removed");
  static final Set<String> QC = Set.of("round", "blockHash", "signersBitmap", "aggregateSignature");

  private static final Address BOB = Address.fromHex("0x" + "35".repeat(20));
  private EthFixture fx;
  private Block block;
  private final List<SignedTransaction> txs = new ArrayList<>();

  @BeforeEach
  void chain() {
    fx = new EthFixture();
    Secp256k1.KeyPair a = fx.f.user(0);
    Secp256k1.KeyPair b = fx.f.user(1);
    Secp256k1.KeyPair c = fx.f.user(2);
    Secp256k1.KeyPair d = fx.f.user(3);
    BigInteger price = GWEI.multiply(BigInteger.TWO);
    txs.add(fx.f.transfer(a, 0, BOB, BigInteger.ONE, price, GWEI));
    txs.add(fx.f.legacy(b, 0, BOB, BigInteger.ONE, price));
    txs.add(Txs.unprotected(c, 0, BOB, BigInteger.ONE, price));
    txs.add(Txs.accessList(d, 0, BOB, BigInteger.ONE, price));
    txs.add(fx.f.call(a, 1, FakeSystemModule.ADDRESS, BigInteger.TEN, Bytes.of((byte) 1),
        100_000, price, GWEI));
    fx.commit();
    block = fx.commit(txs.toArray(SignedTransaction[]::new));
    assertThat(block.transactions()).hasSize(5);
  }

  @AfterEach
  void close() {
    fx.close();
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> out = new TreeSet<>(a);
    out.addAll(b);
    return out;
  }

  private static Set<String> fields(JsonNode o) {
    Set<String> out = new TreeSet<>();
    o.fieldNames().forEachRemaining(out::add);
    return out;
  }

  private static void matches(JsonNode o, String field, Pattern p) {
    assertThat(o.get(field).isTextual()).as(field).isTrue();
    assertThat(o.get(field).asText()).as(field).matches(p);
  }

  private static void checkHeader(JsonNode h) {
    for (String q : List.of("number", "difficulty", "gasLimit", "gasUsed", "timestamp",
        "baseFeePerGas", "epoch", "round")) {
      matches(h, q, QUANTITY);
    }
    for (String x : List.of("hash", "parentHash", "mixHash", "sha3Uncles", "transactionsRoot",
        "stateRoot", "receiptsRoot")) {
      matches(h, x, HASH);
    }
    matches(h, "miner", ADDRESS);
    assertThat(h.get("nonce").asText()).isEqualTo("0x0000000000000000");
    assertThat(h.get("difficulty").asText()).isEqualTo("0x0");
    assertThat(h.get("extraData").asText()).isEqualTo("0x");
    assertThat(h.get("sha3Uncles").asText())
        .isEqualTo("0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347");
    assertThat(h.get("logsBloom").asText()).matches("0x[0-9a-f]{512}");
    assertThat(h.get("skippedRounds").isArray()).isTrue();
    JsonNode qc = h.get("qc");
    assertThat(fields(qc)).isEqualTo(QC);
    matches(qc, "round", QUANTITY);
    matches(qc, "blockHash", HASH);
    assertThat(qc.get("blockHash").asText()).isEqualTo(h.get("parentHash").asText());
    matches(qc, "signersBitmap", DATA);
    assertThat(qc.get("aggregateSignature").asText()).matches("0x[0-9a-f]{192}");
  }

  @Test
  void blockWithTransactionHashes() throws Exception {
    JsonNode b = fx.call("eth_getBlockByNumber", "0x2", false);
    assertThat(fields(b)).isEqualTo(BLOCK);
    checkHeader(b);
    assertThat(b.get("miner").asText()).isEqualTo(fx.f.proposer().toHex());
    assertThat(b.get("totalDifficulty").asText()).isEqualTo("0x0");
    matches(b, "size", QUANTITY);
    assertThat(b.get("uncles").size()).isZero();
    assertThat(b.get("transactions").size()).isEqualTo(5);
    for (int i = 0; i < txs.size(); i++) {
      assertThat(b.get("transactions").get(i).asText()).isEqualTo(txs.get(i).hash().toHex());
    }
    // the logs bloom holds the module's log
    assertThat(b.get("logsBloom").asText()).isNotEqualTo("0x" + "00".repeat(256));
  }

  @Test
  void blockWithFullTransactionsOfEachType() throws Exception {
    JsonNode b = fx.call("eth_getBlockByHash", block.hash().toHex(), true);
    assertThat(fields(b)).isEqualTo(BLOCK);
    JsonNode list = b.get("transactions");
    assertThat(fields(list.get(0))).isEqualTo(TX_1559);
    assertThat(fields(list.get(1))).isEqualTo(TX_155);
    assertThat(fields(list.get(2))).isEqualTo(TX_LEGACY);
    assertThat(fields(list.get(3))).isEqualTo(TX_2930);
    for (JsonNode tx : list) {
      checkTransaction(tx);
      assertThat(tx.get("blockHash").asText()).isEqualTo(block.hash().toHex());
      assertThat(tx.get("blockNumber").asText()).isEqualTo("0x2");
    }
  }

  private static void checkTransaction(JsonNode tx) {
    for (String q : List.of("blockNumber", "gas", "gasPrice", "nonce", "transactionIndex",
        "value", "type", "v", "r", "s")) {
      matches(tx, q, QUANTITY);
    }
    matches(tx, "hash", HASH);
    matches(tx, "blockHash", HASH);
    matches(tx, "from", ADDRESS);
    matches(tx, "to", ADDRESS);
    matches(tx, "input", DATA);
    long v = Long.decode(tx.get("v").asText());
    int type = Integer.decode(tx.get("type").asText());
    if (type == 0 && !tx.has("chainId")) {
      assertThat(v).isIn(27L, 28L);
    } else if (type == 0) {
      assertThat(v).isIn(1337L * 2 + 35, 1337L * 2 + 36);
      assertThat(tx.get("chainId").asText()).isEqualTo("0x539");
    } else {
      assertThat(tx.get("yParity").asText()).isEqualTo(tx.get("v").asText());
      assertThat(tx.get("chainId").asText()).isEqualTo("0x539");
      assertThat(tx.get("accessList").isArray()).isTrue();
    }
  }

  @Test
  void transactionByHashOfEachTypeAndTheMinedEffectivePrice() throws Exception {
    for (SignedTransaction t : txs) {
      JsonNode tx = fx.call("eth_getTransactionByHash", t.hash().toHex());
      checkTransaction(tx);
      assertThat(tx.get("hash").asText()).isEqualTo(t.hash().toHex());
    }
    JsonNode dynamic = fx.call("eth_getTransactionByHash", txs.get(0).hash().toHex());
    // min(maxFee 2 gwei, baseFee 1 gwei + tip 1 gwei)
    assertThat(dynamic.get("gasPrice").asText()).isEqualTo("0x77359400");
    assertThat(dynamic.get("maxFeePerGas").asText()).isEqualTo("0x77359400");
    assertThat(dynamic.get("maxPriorityFeePerGas").asText()).isEqualTo("0x3b9aca00");
    JsonNode access = fx.call("eth_getTransactionByHash", txs.get(3).hash().toHex());
    assertThat(access.get("accessList").get(0).get("address").asText()).isEqualTo(BOB.toHex());
    assertThat(access.get("accessList").get(0).get("storageKeys").get(0).asText())
        .isEqualTo("0x" + "00".repeat(32));
  }

  @Test
  void receiptAndLog() throws Exception {
    JsonNode r = fx.call("eth_getTransactionReceipt", txs.get(4).hash().toHex());
    assertThat(fields(r)).isEqualTo(RECEIPT);
    for (String q : List.of("transactionIndex", "blockNumber", "cumulativeGasUsed", "gasUsed",
        "status", "type", "effectiveGasPrice")) {
      matches(r, q, QUANTITY);
    }
    matches(r, "transactionHash", HASH);
    matches(r, "blockHash", HASH);
    matches(r, "from", ADDRESS);
    matches(r, "to", ADDRESS);
    assertThat(r.get("contractAddress").isNull()).isTrue();
    assertThat(r.get("status").asText()).isEqualTo("0x1");
    assertThat(r.get("type").asText()).isEqualTo("0x2");
    assertThat(r.get("transactionIndex").asText()).isEqualTo("0x4");
    assertThat(r.get("logsBloom").asText()).matches("0x[0-9a-f]{512}");
    assertThat(r.get("effectiveGasPrice").asText()).isEqualTo("0x77359400");
    JsonNode log = r.get("logs").get(0);
    assertThat(fields(log)).isEqualTo(LOG);
    matches(log, "address", ADDRESS);
    matches(log, "data", DATA);
    for (String q : List.of("blockNumber", "transactionIndex", "logIndex")) {
      matches(log, q, QUANTITY);
    }
    for (String x : List.of("blockHash", "transactionHash")) {
      matches(log, x, HASH);
    }
    log.get("topics").forEach(t -> assertThat(t.asText()).matches(HASH));
    assertThat(log.get("removed").asBoolean()).isFalse();
    assertThat(log.get("topics").get(0).asText()).isEqualTo(FakeSystemModule.DEPOSITED.toHex());

    JsonNode transfer = fx.call("eth_getTransactionReceipt", txs.get(0).hash().toHex());
    assertThat(transfer.get("gasUsed").asText()).isEqualTo("0x5208");
    assertThat(transfer.get("logs").size()).isZero();
  }

  @Test
  void newHeadsCarryTheHeaderFields() throws Exception {
    EthFixture.Connection ws = new EthFixture.Connection();
    String id = fx.call(java.util.Optional.of(ws), "eth_subscribe", "newHeads").asText();
    fx.commit();
    JsonNode head = ws.results(id).get(0);
    assertThat(fields(head)).isEqualTo(HEADER);
    checkHeader(head);
    assertThat(head.get("number").asText()).isEqualTo("0x3");
  }

  @Test
  void genesisHasNoCertificate() throws Exception {
    JsonNode g = fx.call("eth_getBlockByNumber", "earliest", false);
    assertThat(fields(g)).isEqualTo(BLOCK);
    assertThat(g.get("qc").isNull()).isTrue();
    assertThat(g.get("number").asText()).isEqualTo("0x0");
  }
}
