package dev.bulwark.rpc.eth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.ledger.crypto.Secp256k1;
import dev.bulwark.ledger.testkit.Await;
import dev.bulwark.ledger.tx.SignedTransaction;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.rpc.ots.AddressIndex;
import dev.bulwark.rpc.ots.OtsApi;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The address index behind {@code ots_searchTransactionsBefore/After}: backfilled from an
 * existing store, following commits and catch-up batches, rebuilt identically after a restart,
 * and with pages that do not move while new blocks arrive.
 */
class AddressIndexTest {
  private static final BigInteger GWEI = BigInteger.TEN.pow(9);
  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final Address BOB = Address.fromHex("0x" + "b0".repeat(20));

  private EthFixture fx;
  private final List<AddressIndex> indexes = new ArrayList<>();
  private final List<String> sent = new ArrayList<>();
  private long nonce;

  @BeforeEach
  void open() {
    fx = new EthFixture(true, true);
  }

  @AfterEach
  void close() {
    indexes.forEach(AddressIndex::close);
    fx.close();
  }

  private AddressIndex startIndex() {
    AddressIndex index = AddressIndex.start(fx.chain, fx.feed);
    indexes.add(index);
    return index;
  }

  /** One block with {@code k} transfers from alice to bob; returns the block number. */
  private long block(int k, boolean announce) {
    Secp256k1.KeyPair alice = fx.f.user(0);
    List<SignedTransaction> txs = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      SignedTransaction tx = fx.f.transfer(alice, nonce++, BOB, BigInteger.ONE,
          GWEI.multiply(BigInteger.TWO), GWEI);
      txs.add(tx);
      sent.add(tx.hash().toHex());
    }
    if (announce) {
      fx.commit(txs.toArray(SignedTransaction[]::new));
    } else {
      fx.commitQuietly(txs);
    }
    return fx.ledger.head().number();
  }

  private void awaitIndexed(AddressIndex index) {
    long head = fx.ledger.head().number();
    Await.until("the index reaches block " + head, DEADLINE, index::indexedTo, n -> n >= head);
  }

  private static List<String> hashes(JsonNode page) {
    List<String> out = new ArrayList<>();
    page.get("txs").forEach(t -> out.add(t.get("hash").asText()));
    return out;
  }

  private List<String> newestFirst() {
    List<String> out = new ArrayList<>(sent);
    java.util.Collections.reverse(out);
    return out;
  }

  @Test
  void aBackfillOfAnExistingStoreThenCommitsAndACatchUpBatchAreAllIndexed() throws Exception {
    for (int i = 0; i < 5; i++) {
      block(3, false);
      fx.commit();
    }
    AddressIndex index = startIndex();
    OtsApi.register(fx.methods, index);
    awaitIndexed(index);
    block(2, true);
    // a catch-up batch: three blocks committed, then one announcement for all of them
    block(1, false);
    block(1, false);
    block(1, true);
    awaitIndexed(index);
    String alice = fx.f.user(0).address().toHex();
    JsonNode all = fx.call("ots_searchTransactionsBefore", alice, 0, 100);
    assertThat(hashes(all)).isEqualTo(newestFirst());
    assertThat(all.get("firstPage").booleanValue()).isTrue();
    assertThat(all.get("lastPage").booleanValue()).isTrue();
    assertThat(hashes(fx.call("ots_searchTransactionsBefore", BOB.toHex(), 0, 100)))
        .isEqualTo(newestFirst());
    JsonNode receipt = all.get("receipts").get(0);
    assertThat(receipt.get("transactionHash").asText()).isEqualTo(sent.get(sent.size() - 1));
    assertThat(receipt.get("timestamp")).isEqualTo(
        fx.call("eth_getBlockByNumber", receipt.get("blockNumber").asText(), false).get("timestamp"));
    assertThat(index.size()).isEqualTo(2L * sent.size());
  }

  @Test
  void pagesAreWholeBlocksNewestFirstAndStableWhileBlocksArrive() throws Exception {
    AddressIndex index = startIndex();
    OtsApi.register(fx.methods, index);
    for (int i = 0; i < 6; i++) {
      block(3, true);
    }
    awaitIndexed(index);
    String alice = fx.f.user(0).address().toHex();
    // 4 asked: whole blocks, so the two newest blocks (6 transactions)
    JsonNode first = fx.call("ots_searchTransactionsBefore", alice, 0, 4);
    assertThat(hashes(first)).isEqualTo(newestFirst().subList(0, 6));
    assertThat(first.get("firstPage").booleanValue()).isTrue();
    assertThat(first.get("lastPage").booleanValue()).isFalse();
    long boundary = Long.decode(first.get("txs").get(5).get("blockNumber").asText());
    JsonNode second = fx.call("ots_searchTransactionsBefore", alice, boundary, 4);
    List<String> expected = newestFirst().subList(6, 12);
    for (int i = 0; i < 3; i++) {
      block(2, true);
    }
    awaitIndexed(index);
    assertThat(hashes(fx.call("ots_searchTransactionsBefore", alice, boundary, 4)))
        .isEqualTo(hashes(second)).isEqualTo(expected);
    assertThat(second.get("firstPage").booleanValue()).isFalse();
    // the oldest page from the other end, newest first within it
    JsonNode last = fx.call("ots_searchTransactionsAfter", alice, 0, 2);
    assertThat(hashes(last)).isEqualTo(List.of(sent.get(2), sent.get(1), sent.get(0)));
    assertThat(last.get("lastPage").booleanValue()).isTrue();
    assertThat(last.get("firstPage").booleanValue()).isFalse();
    JsonNode newer = fx.call("ots_searchTransactionsAfter", alice, 5, 100);
    assertThat(hashes(newer)).isEqualTo(newestFirst().subList(0, 3 + 3 * 2));
    assertThat(newer.get("firstPage").booleanValue()).isTrue();
  }

  @Test
  void anIndexRebuiltAfterARestartAnswersTheSame() throws Exception {
    for (int i = 0; i < 4; i++) {
      block(2, true);
    }
    AddressIndex before = startIndex();
    awaitIndexed(before);
    AddressIndex after = startIndex();
    awaitIndexed(after);
    Address alice = fx.f.user(0).address();
    assertThat(after.before(alice, Long.MAX_VALUE, 100).entries())
        .isEqualTo(before.before(alice, Long.MAX_VALUE, 100).entries()).hasSize(8);
    assertThat(after.size()).isEqualTo(before.size());
  }
}
