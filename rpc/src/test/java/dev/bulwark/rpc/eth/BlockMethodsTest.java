package dev.bulwark.rpc.eth;

import static dev.bulwark.ledger.execution.ChainFixture.GWEI;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.crypto.Secp256k1;
import dev.bulwark.ledger.tx.SignedTransaction;
import dev.bulwark.ledger.types.Address;
import java.math.BigInteger;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BlockMethodsTest {
  private static final Address BOB = Address.fromHex("0x" + "35".repeat(20));
  private static final BigInteger PRICE = GWEI.multiply(BigInteger.TWO);
  private static final String UNKNOWN = "0x" + "77".repeat(32);
  private final EthFixture fx = new EthFixture();

  @AfterEach
  void close() {
    fx.close();
  }

  @Test
  void blockReadsByNumberTagAndHash() throws Exception {
    Secp256k1.KeyPair alice = fx.f.user(0);
    SignedTransaction t0 = fx.f.transfer(alice, 0, BOB, BigInteger.ONE, PRICE, GWEI);
    SignedTransaction t1 = fx.f.legacy(alice, 1, BOB, BigInteger.ONE, PRICE);
    Block b1 = fx.commit(t0, t1);
    fx.commit();

    assertThat(fx.call("eth_blockNumber").asText()).isEqualTo("0x2");
    for (String tag : new String[] {"latest", "safe", "finalized", "pending", "accepted"}) {
      assertThat(fx.call("eth_getBlockByNumber", tag, false).get("number").asText())
          .as(tag).isEqualTo("0x2");
    }
    assertThat(fx.call("eth_getBlockByNumber", "earliest", false).get("number").asText())
        .isEqualTo("0x0");
    JsonNode byNumber = fx.call("eth_getBlockByNumber", "0x1", false);
    JsonNode byHash = fx.call("eth_getBlockByHash", b1.hash().toHex(), false);
    assertThat(byHash).isEqualTo(byNumber);
    assertThat(byNumber.get("hash").asText()).isEqualTo(b1.hash().toHex());
    assertThat(fx.call("eth_getBlockByNumber", "0x3", false).isNull()).isTrue();
    assertThat(fx.call("eth_getBlockByHash", UNKNOWN, true).isNull()).isTrue();

    assertThat(fx.call("eth_getBlockTransactionCountByNumber", "0x1").asText()).isEqualTo("0x2");
    assertThat(fx.call("eth_getBlockTransactionCountByHash", b1.hash().toHex()).asText())
        .isEqualTo("0x2");
    assertThat(fx.call("eth_getBlockTransactionCountByNumber", "0x9").isNull()).isTrue();
    assertThat(fx.call("eth_getTransactionByBlockNumberAndIndex", "0x1", "0x1").get("hash")
        .asText()).isEqualTo(t1.hash().toHex());
    assertThat(fx.call("eth_getTransactionByBlockHashAndIndex", b1.hash().toHex(), "0x0")
        .get("hash").asText()).isEqualTo(t0.hash().toHex());
    assertThat(fx.call("eth_getTransactionByBlockNumberAndIndex", "0x1", "0x2").isNull()).isTrue();

    assertThat(fx.call("eth_getUncleCountByBlockNumber", "0x1").asText()).isEqualTo("0x0");
    assertThat(fx.call("eth_getUncleCountByBlockHash", b1.hash().toHex()).asText())
        .isEqualTo("0x0");
    assertThat(fx.call("eth_getUncleCountByBlockHash", UNKNOWN).isNull()).isTrue();
    assertThat(fx.call("eth_getUncleByBlockNumberAndIndex", "0x1", "0x0").isNull()).isTrue();
    assertThat(fx.call("eth_getUncleByBlockHashAndIndex", b1.hash().toHex(), "0x0").isNull())
        .isTrue();
  }

  @Test
  void transactionsAndReceiptsPooledMinedAndUnknown() throws Exception {
    Secp256k1.KeyPair alice = fx.f.user(0);
    SignedTransaction t0 = fx.f.transfer(alice, 0, BOB, BigInteger.ONE, PRICE, GWEI);
    String hash = fx.call("eth_sendRawTransaction", t0.raw().toHex()).asText();
    assertThat(hash).isEqualTo(t0.hash().toHex());

    JsonNode pooled = fx.call("eth_getTransactionByHash", hash);
    assertThat(pooled.get("blockHash").isNull()).isTrue();
    assertThat(pooled.get("blockNumber").isNull()).isTrue();
    assertThat(pooled.get("transactionIndex").isNull()).isTrue();
    assertThat(pooled.get("from").asText()).isEqualTo(alice.address().toHex());
    assertThat(fx.call("eth_getTransactionReceipt", hash).isNull()).isTrue();

    Block b = fx.commit(t0);
    JsonNode mined = fx.call("eth_getTransactionByHash", hash);
    assertThat(mined.get("blockHash").asText()).isEqualTo(b.hash().toHex());
    JsonNode receipt = fx.call("eth_getTransactionReceipt", hash);
    assertThat(receipt.get("blockNumber").asText()).isEqualTo("0x1");
    assertThat(receipt.get("status").asText()).isEqualTo("0x1");

    JsonNode receipts = fx.call("eth_getBlockReceipts", "latest");
    assertThat(receipts.size()).isEqualTo(1);
    assertThat(receipts.get(0)).isEqualTo(receipt);
    assertThat(fx.call("eth_getBlockReceipts", "0x7").isNull()).isTrue();
    assertThat(fx.call("eth_getTransactionByHash", UNKNOWN).isNull()).isTrue();
    assertThat(fx.call("eth_getTransactionReceipt", UNKNOWN).isNull()).isTrue();
  }

  /**
   * Head atomicity: while blocks commit, a reader that sees a receipt must then see
   * eth_blockNumber at or past its block (ethers counts confirmations that way).
   */
  @Test
  void aReceiptIsNeverVisibleBeforeTheBlockNumberReachesItsBlock() throws Exception {
    Secp256k1.KeyPair alice = fx.f.user(0);
    int blocks = 60;
    SignedTransaction[] txs = new SignedTransaction[blocks];
    for (int i = 0; i < blocks; i++) {
      txs[i] = fx.f.transfer(alice, i, BOB, BigInteger.ONE, PRICE, GWEI);
    }
    AtomicBoolean done = new AtomicBoolean();
    AtomicReference<String> violation = new AtomicReference<>();
    Thread reader = new Thread(() -> {
      try {
        while (!done.get() && violation.get() == null) {
          for (SignedTransaction t : txs) {
            JsonNode r = fx.call("eth_getTransactionReceipt", t.hash().toHex());
            if (r.isNull()) {
              break;
            }
            long number = Long.decode(r.get("blockNumber").asText());
            long head = Long.decode(fx.call("eth_blockNumber").asText());
            JsonNode tx = fx.call("eth_getTransactionByHash", t.hash().toHex());
            if (head < number || tx.get("blockNumber").isNull()) {
              violation.set("receipt in block " + number + " seen at head " + head);
            }
          }
        }
      } catch (Exception e) {
        violation.set(e.toString());
      }
    });
    reader.start();
    for (SignedTransaction t : txs) {
      fx.commit(t);
    }
    done.set(true);
    reader.join();
    assertThat(violation.get()).isNull();
    assertThat(fx.call("eth_blockNumber").asText()).isEqualTo("0x" + Integer.toHexString(blocks));
  }
}
