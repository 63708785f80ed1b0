package dev.bulwark.rpc.eth;

import static dev.bulwark.ledger.execution.ChainFixture.GWEI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.crypto.Secp256k1;
import dev.bulwark.ledger.execution.FakeSystemModule;
import dev.bulwark.ledger.tx.SignedTransaction;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.rpc.jsonrpc.RpcException;
import dev.bulwark.rpc.jsonrpc.RpcLimits;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LogsFiltersSubscriptionsTest {
  private static final Address BOB = Address.fromHex("0x" + "35".repeat(20));
  private static final BigInteger PRICE = GWEI.multiply(BigInteger.TWO);
  private static final String MODULE = FakeSystemModule.ADDRESS.toHex();
  private final EthFixture fx = new EthFixture();

  @AfterEach
  void close() {
    fx.close();
  }

  private SignedTransaction deposit(int user, long nonce) {
    return fx.f.call(fx.f.user(user), nonce, FakeSystemModule.ADDRESS, BigInteger.ONE,
        Bytes.of((byte) 1), 100_000, PRICE, GWEI);
  }

  private static String topicOf(Address a) {
    return "0x" + "00".repeat(12) + a.toHex().substring(2);
  }

  @Test
  void getLogsFiltersByAddressTopicsAndBlockHash() throws Exception {
    Secp256k1.KeyPair a = fx.f.user(0);
    Secp256k1.KeyPair b = fx.f.user(1);
    fx.commit(deposit(0, 0));
    Block second = fx.commit(deposit(1, 0), deposit(0, 1));
    fx.commit(fx.f.transfer(a, 2, BOB, BigInteger.ONE, PRICE, GWEI));

    JsonNode all = fx.call("eth_getLogs", Map.of("fromBlock", "0x0", "toBlock", "latest"));
    assertThat(all.size()).isEqualTo(3);
    assertThat(all.get(1).get("logIndex").asText()).isEqualTo("0x0");
    assertThat(all.get(2).get("logIndex").asText()).isEqualTo("0x1");
    assertThat(all.get(2).get("transactionIndex").asText()).isEqualTo("0x1");

    JsonNode byTopic = fx.call("eth_getLogs", Map.of("fromBlock", "0x0",
        "topics", List.of(FakeSystemModule.DEPOSITED.toHex(), topicOf(b.address()))));
    assertThat(byTopic.size()).isEqualTo(1);
    assertThat(byTopic.get(0).get("blockNumber").asText()).isEqualTo("0x2");

    List<Object> anyFirst = new ArrayList<>();
    anyFirst.add(null);
    anyFirst.add(List.of(topicOf(a.address()), topicOf(b.address())));
    assertThat(fx.call("eth_getLogs", Map.of("fromBlock", "0x1", "toBlock", "0x2",
        "topics", anyFirst)).size()).isEqualTo(3);
    assertThat(fx.call("eth_getLogs", Map.of("fromBlock", "0x0", "address", List.of(MODULE)))
        .size()).isEqualTo(3);
    assertThat(fx.call("eth_getLogs", Map.of("fromBlock", "0x0", "address", BOB.toHex())).size())
        .isZero();
    assertThat(fx.call("eth_getLogs", Map.of("blockHash", second.hash().toHex())).size())
        .isEqualTo(2);
    // default range: latest..latest, which has no logs
    assertThat(fx.call("eth_getLogs", Map.of()).size()).isZero();
  }

  @Test
  void rangesAreBoundedAndReversedRangesAreErrors() throws Exception {
    fx.commit(deposit(0, 0));
    fx.commit(deposit(0, 1));
    fx.limits = new RpcLimits(5 * 1024 * 1024, 1000, 5 * 1024 * 1024, 1000, 100, 1000, 300_000,
        2, 1);
    assertThatThrownBy(() -> fx.call("eth_getLogs", Map.of("fromBlock", "0x2", "toBlock", "0x1")))
        .isInstanceOfSatisfying(RpcException.class, e -> {
          assertThat(e.code()).isEqualTo(-32000);
          assertThat(e.getMessage()).isEqualTo("invalid block range params");
        });
    assertThatThrownBy(() -> fx.call("eth_getLogs", Map.of("fromBlock", "0x0", "toBlock", "0x2")))
        .isInstanceOfSatisfying(RpcException.class, e -> {
          assertThat(e.code()).isEqualTo(-32005);
          assertThat(e.getMessage()).isEqualTo("block range 0..2 exceeds 2 blocks (maxLogsBlockRange)");
        });
    assertThatThrownBy(() -> fx.call("eth_getLogs", Map.of("fromBlock", "0x1", "toBlock", "0x2")))
        .isInstanceOfSatisfying(RpcException.class, e -> {
          assertThat(e.code()).isEqualTo(-32005);
          assertThat(e.getMessage()).contains("maxLogsResults");
        });
    assertThatThrownBy(() -> fx.call("eth_getLogs", Map.of("blockHash", "0x" + "42".repeat(32))))
        .hasMessage("unknown block");
    assertThat(fx.call("eth_getLogs", Map.of("fromBlock", "0x9", "toBlock", "0xa")).size())
        .isZero();
  }

  @Test
  void filtersCollectUntilPolledAndExpireWhenNot() throws Exception {
    String blocks = fx.call("eth_newBlockFilter").asText();
    String logs = fx.call("eth_newFilter", Map.of("address", MODULE)).asText();
    String pending = fx.call("eth_newPendingTransactionFilter").asText();
    assertThat(blocks).matches("0x[0-9a-f]{1,32}");

    SignedTransaction d = deposit(0, 0);
    fx.call("eth_sendRawTransaction", d.raw().toHex());
    Block b1 = fx.commit(d);
    Block b2 = fx.commit();

    JsonNode hashes = fx.call("eth_getFilterChanges", blocks);
    assertThat(hashes.size()).isEqualTo(2);
    assertThat(hashes.get(0).asText()).isEqualTo(b1.hash().toHex());
    assertThat(hashes.get(1).asText()).isEqualTo(b2.hash().toHex());
    assertThat(fx.call("eth_getFilterChanges", blocks).size()).isZero();
    JsonNode logChanges = fx.call("eth_getFilterChanges", logs);
    assertThat(logChanges.size()).isEqualTo(1);
    assertThat(logChanges.get(0).get("transactionHash").asText()).isEqualTo(d.hash().toHex());
    assertThat(fx.call("eth_getFilterLogs", logs).size()).isZero(); // latest..latest
    assertThat(fx.call("eth_getFilterChanges", pending).get(0).asText())
        .isEqualTo(d.hash().toHex());

    // unpolled for the timeout: gone
    fx.clock.addAndGet(RpcLimits.DEFAULTS.filterTimeoutMillis() - 1);
    fx.call("eth_getFilterChanges", blocks);
    fx.clock.addAndGet(1);
    assertThat(fx.call("eth_getFilterChanges", blocks).size()).isZero();
    assertThatThrownBy(() -> fx.call("eth_getFilterChanges", logs)).isInstanceOfSatisfying(
        RpcException.class, e -> {
          assertThat(e.code()).isEqualTo(-32000);
          assertThat(e.getMessage()).isEqualTo("filter not found");
        });
    assertThat(fx.call("eth_uninstallFilter", blocks).asBoolean()).isTrue();
    assertThat(fx.call("eth_uninstallFilter", blocks).asBoolean()).isFalse();
    assertThatThrownBy(() -> fx.call("eth_getFilterChanges", blocks)).hasMessage("filter not found");
  }

  @Test
  void theFilterCountIsBoundedByEvictingTheLeastRecentlyPolled() throws Exception {
    fx.limits = new RpcLimits(5 * 1024 * 1024, 1000, 5 * 1024 * 1024, 1000, 100, 2, 300_000,
        10_000, 10_000);
    String first = fx.call("eth_newBlockFilter").asText();
    fx.clock.incrementAndGet();
    String second = fx.call("eth_newBlockFilter").asText();
    fx.clock.incrementAndGet();
    fx.call("eth_getFilterChanges", first);
    fx.clock.incrementAndGet();
    String third = fx.call("eth_newBlockFilter").asText();
    fx.call("eth_getFilterChanges", first);
    fx.call("eth_getFilterChanges", third);
    assertThatThrownBy(() -> fx.call("eth_getFilterChanges", second)).hasMessage("filter not found");
  }

  @Test
  void subscriptionsNeedAWebSocketAndUnknownIdsAreErrors() {
    assertThatThrownBy(() -> fx.call("eth_subscribe", "newHeads"))
        .isInstanceOfSatisfying(RpcException.class, e -> {
          assertThat(e.code()).isEqualTo(-32601);
          assertThat(e.getMessage()).isEqualTo("notifications not supported");
        });
    EthFixture.Connection ws = new EthFixture.Connection();
    assertThatThrownBy(() -> fx.call(Optional.of(ws), "eth_unsubscribe", "0x1234"))
        .isInstanceOfSatisfying(RpcException.class, e -> {
          assertThat(e.code()).isEqualTo(-32000);
          assertThat(e.getMessage()).isEqualTo("subscription not found");
        });
    assertThatThrownBy(() -> fx.call(Optional.of(ws), "eth_subscribe", "newBlocks"))
        .hasMessage("no \"newBlocks\" subscription in eth namespace");
  }

  @Test
  void newHeadsFireOncePerBlockInOrderAfterACatchUpBatchToo() throws Exception {
    EthFixture.Connection ws = new EthFixture.Connection();
    String id = fx.call(Optional.of(ws), "eth_subscribe", "newHeads").asText();
    assertThat(id).matches("0x[0-9a-f]{1,32}");
    // The feed's listener sees each block already queryable.
    List<String> notQueryable = new ArrayList<>();
    fx.feed.addListener(nb -> {
      try {
        if (fx.call("eth_getBlockByHash", nb.block().hash().toHex(), false).isNull()) {
          notQueryable.add(nb.block().hash().toHex());
        }
      } catch (RpcException e) {
        notQueryable.add(e.getMessage());
      }
    });
    fx.commit();
    // a catch-up batch: three blocks committed, one call of the feed
    fx.commitQuietly(List.of());
    fx.commitQuietly(List.of());
    fx.commitQuietly(List.of());
    fx.feed.onCommitted();
    fx.feed.onCommitted(); // a second call with nothing new announces nothing
    fx.commit();
    List<JsonNode> heads = ws.results(id);
    assertThat(heads).extracting(h -> h.get("number").asText())
        .containsExactly("0x1", "0x2", "0x3", "0x4", "0x5");
    for (int i = 1; i < heads.size(); i++) {
      assertThat(heads.get(i).get("parentHash")).isEqualTo(heads.get(i - 1).get("hash"));
    }
    assertThat(notQueryable).isEmpty();

    assertThat(fx.call(Optional.of(ws), "eth_unsubscribe", id).asBoolean()).isTrue();
    fx.commit();
    assertThat(ws.results(id)).hasSize(5);
  }

  @Test
  void logsAndPendingTransactionSubscriptions() throws Exception {
    EthFixture.Connection ws = new EthFixture.Connection();
    String logs = fx.call(Optional.of(ws), "eth_subscribe", "logs",
        Map.of("address", MODULE, "topics", List.of(FakeSystemModule.DEPOSITED.toHex()))).asText();
    String hashes = fx.call(Optional.of(ws), "eth_subscribe", "newPendingTransactions").asText();
    String full = fx.call(Optional.of(ws), "eth_subscribe", "newPendingTransactions", true)
        .asText();
    SignedTransaction d = deposit(0, 0);
    fx.call("eth_sendRawTransaction", d.raw().toHex());
    fx.commit(d);
    assertThat(ws.results(hashes)).extracting(JsonNode::asText).containsExactly(d.hash().toHex());
    assertThat(ws.results(full).get(0).get("hash").asText()).isEqualTo(d.hash().toHex());
    assertThat(ws.results(logs)).hasSize(1);
    assertThat(ws.results(logs).get(0).get("transactionHash").asText())
        .isEqualTo(d.hash().toHex());
    ws.close();
    fx.commit(deposit(0, 1));
    assertThat(ws.results(logs)).hasSize(1);
  }

  @Test
  void subscriptionsPerConnectionAreBounded() throws Exception {
    fx.limits = new RpcLimits(5 * 1024 * 1024, 1000, 5 * 1024 * 1024, 1000, 2, 1000, 300_000,
        10_000, 10_000);
    EthFixture.Connection ws = new EthFixture.Connection();
    fx.call(Optional.of(ws), "eth_subscribe", "newHeads");
    fx.call(Optional.of(ws), "eth_subscribe", "newHeads");
    assertThatThrownBy(() -> fx.call(Optional.of(ws), "eth_subscribe", "newHeads"))
        .isInstanceOfSatisfying(RpcException.class, e -> {
          assertThat(e.code()).isEqualTo(-32005);
          assertThat(e.getMessage()).contains("maxSubscriptionsPerConnection");
        });
    // another connection has its own allowance, and a closed one frees its subscriptions
    EthFixture.Connection other = new EthFixture.Connection();
    String theirs = fx.call(Optional.of(other), "eth_subscribe", "newHeads").asText();
    assertThatThrownBy(() -> fx.call(Optional.of(ws), "eth_unsubscribe", theirs))
        .hasMessage("subscription not found");
    ws.close();
    EthFixture.Connection third = new EthFixture.Connection();
    fx.call(Optional.of(third), "eth_subscribe", "newHeads");
  }
}
