package dev.bulwark.rpc.eth;

import static dev.bulwark.ledger.execution.ChainFixture.ETHER;
import static dev.bulwark.ledger.execution.ChainFixture.GWEI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.crypto.Secp256k1;
import dev.bulwark.ledger.execution.FakeSystemModule;
import dev.bulwark.ledger.staking.AbiCodec;
import dev.bulwark.ledger.staking.StakingModule;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.rpc.jsonrpc.RpcException;
import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StateMethodsTest {
  private static final Address BOB = Address.fromHex("0x" + "35".repeat(20));
  private final EthFixture fx = new EthFixture();

  @AfterEach
  void close() {
    fx.close();
  }

  private String addr(Secp256k1.KeyPair k) {
    return k.address().toHex();
  }

  @Test
  void balanceAndNonceAtEveryBlockOfTheHistoryByNumberAndHash() throws Exception {
    Secp256k1.KeyPair alice = fx.f.user(0);
    Block b1 = fx.commit(fx.f.transfer(alice, 0, BOB, BigInteger.ONE, GWEI.multiply(BigInteger.TWO), GWEI));
    Block b2 = fx.commit(fx.f.transfer(alice, 1, BOB, BigInteger.TEN, GWEI.multiply(BigInteger.TWO), GWEI));

    assertThat(fx.call("eth_getBalance", BOB.toHex(), "0x0").asText()).isEqualTo("0x0");
    assertThat(fx.call("eth_getBalance", BOB.toHex(), "0x1").asText()).isEqualTo("0x1");
    assertThat(fx.call("eth_getBalance", BOB.toHex(), "latest").asText()).isEqualTo("0xb");
    assertThat(fx.call("eth_getBalance", BOB.toHex(), "earliest").asText()).isEqualTo("0x0");
    assertThat(fx.call("eth_getBalance", BOB.toHex(),
        Map.of("blockHash", b1.hash().toHex())).asText()).isEqualTo("0x1");
    assertThat(fx.call("eth_getTransactionCount", addr(alice), "0x1").asText()).isEqualTo("0x1");
    assertThat(fx.call("eth_getTransactionCount", addr(alice),
        Map.of("blockNumber", "0x2")).asText()).isEqualTo("0x2");
    // ethers sends the address lowercased, web3j too; any case is accepted
    assertThat(fx.call("eth_getBalance", BOB.toHex().toUpperCase().replace("0X", "0x")).asText())
        .isEqualTo("0xb");
    assertThat(b2.header().number()).isEqualTo(2);
  }

  @Test
  void pendingNonceCountsTheSendersPooledTransactions() throws Exception {
    Secp256k1.KeyPair alice = fx.f.user(0);
    for (int n = 0; n < 3; n++) {
      fx.call("eth_sendRawTransaction", fx.f.transfer(alice, n, BOB, BigInteger.ONE,
          GWEI.multiply(BigInteger.TWO), GWEI).raw().toHex());
    }
    assertThat(fx.call("eth_getTransactionCount", addr(alice), "pending").asText()).isEqualTo("0x3");
    assertThat(fx.call("eth_getTransactionCount", addr(alice), "latest").asText()).isEqualTo("0x0");
    assertThat(fx.call("eth_getTransactionCount", addr(alice)).asText()).isEqualTo("0x0");
  }

  @Test
  void futureBlocksAndUnknownHashesAreGethsHeaderNotFound() {
    assertThatThrownBy(() -> fx.call("eth_getBalance", BOB.toHex(), "0x5"))
        .hasMessage("header not found");
    assertThatThrownBy(() -> fx.call("eth_getBalance", BOB.toHex(),
        Map.of("blockHash", "0x" + "11".repeat(32))))
        .hasMessage("header for hash not found");
  }

  @Test
  void stateBeyondTheKeptHistoryIsMissingTrieNodeNeverAWrongAnswer() {
    // A reader whose block 0 points at a root whose nodes are not in the store: what a pruned
    // history looks like.
    ChainReader pruned = new ForwardingChainReader(fx.chain) {
      @Override
      public java.util.Optional<dev.bulwark.ledger.state.StateReader> stateAt(long number) {
        return java.util.Optional.of(new dev.bulwark.ledger.state.CommittedState(
            fx.ledger.chain().stateTree(), dev.bulwark.ledger.types.Hash.fromHex("0x" + "ab".repeat(32))));
      }
    };
    var methods = new dev.bulwark.rpc.jsonrpc.RpcMethods();
    EthApi.register(methods, pruned, new MempoolTransactionPool(fx.mempool), SyncStatus.IN_SYNC,
        new HeadFeed(pruned), EthApi.Config.defaults());
    var params = new dev.bulwark.rpc.jsonrpc.RpcParams(EthFixture.MAPPER.createArrayNode()
        .add(BOB.toHex()).add("0x0"));
    assertThatThrownBy(() -> methods.get("eth_getBalance").orElseThrow()
        .call(params, fx.context(java.util.Optional.empty())))
        .isInstanceOfSatisfying(RpcException.class, e -> {
          assertThat(e.code()).isEqualTo(-32000);
          assertThat(e.getMessage()).startsWith("missing trie node 0x");
        });
  }

  @Test
  void aStateHistoryWindowAnswersKeptBlocksAndMissingTrieNodeBeforeIt() throws Exception {
    try (EthFixture window = new EthFixture(true, false, 4)) {
      Secp256k1.KeyPair alice = window.f.user(0);
      for (int n = 0; n < 12; n++) {
        window.commit(window.f.transfer(alice, n, BOB, BigInteger.ONE,
            GWEI.multiply(BigInteger.TWO), GWEI));
      }
      for (long b = 9; b <= 12; b++) { // the last 4 blocks: block b's state has b transfers
        assertThat(window.call("eth_getBalance", BOB.toHex(), Hex.quantity(b).asText()).asText())
            .isEqualTo(Hex.quantity(b).asText());
      }
      for (long b = 0; b <= 4; b++) {
        String tag = Hex.quantity(b).asText();
        String root = window.ledger.chain().block(b).orElseThrow().header().stateRoot().toHex();
        for (String method : java.util.List.of("eth_getBalance", "eth_getTransactionCount")) {
          assertThatThrownBy(() -> window.call(method, BOB.toHex(), tag))
              .as("%s at block %d", method, b)
              .isInstanceOfSatisfying(RpcException.class, e -> {
                assertThat(e.code()).isEqualTo(-32000);
                assertThat(e.getMessage()).isEqualTo("missing trie node " + root
                    + " (state of block " + Long.parseLong(tag.substring(2), 16) + " is not kept)");
              });
        }
        assertThatThrownBy(() -> window.call("eth_getStorageAt",
            FakeSystemModule.ADDRESS.toHex(), "0x01", tag))
            .hasMessageStartingWith("missing trie node " + root);
        assertThatThrownBy(() -> window.call("eth_call",
            java.util.Map.of("from", alice.address().toHex(), "to", BOB.toHex()), tag))
            .hasMessageStartingWith("missing trie node " + root);
      }
    }
  }

  @Test
  void codeIsNonEmptyOnlyAtTheSystemModule() throws Exception {
    assertThat(fx.call("eth_getCode", FakeSystemModule.ADDRESS.toHex(), "latest").asText())
        .isEqualTo("0xfe");
    assertThat(fx.call("eth_getCode", BOB.toHex(), "latest").asText()).isEqualTo("0x");
  }

  @Test
  void storageReadsTheModuleSlotsAndZeroElsewhere() throws Exception {
    Secp256k1.KeyPair alice = fx.f.user(0);
    fx.commit(fx.f.call(alice, 0, FakeSystemModule.ADDRESS, BigInteger.valueOf(7),
        Bytes.of((byte) 1), 100_000, GWEI.multiply(BigInteger.TWO), GWEI));
    Bytes slot = Bytes.of("deposit:".getBytes()).concat(alice.address().bytes());
    String word = "0x" + "00".repeat(31) + "07";
    assertThat(fx.call("eth_getStorageAt", FakeSystemModule.ADDRESS.toHex(), slot.toHex(),
        "latest").asText()).isEqualTo(word);
    assertThat(fx.call("eth_getStorageAt", FakeSystemModule.ADDRESS.toHex(), slot.toHex(),
        "0x0").asText()).isEqualTo("0x" + "00".repeat(32));
    assertThat(fx.call("eth_getStorageAt", BOB.toHex(), "0x0", "latest").asText())
        .isEqualTo("0x" + "00".repeat(32));
  }

  @Test
  void stakingModuleSlotsFollowStakingMd() throws Exception {
    try (EthFixture real = new EthFixture(true, true)) {
      // slot 0x01: the admin address (20 bytes), right-aligned in the word
      assertThat(real.call("eth_getStorageAt", StakingModule.ADDRESS.toHex(), "0x1", "latest")
          .asText()).isEqualTo("0x" + "00".repeat(12)
              + real.f.params().admin().toHex().substring(2));
      assertThat(real.call("eth_getCode", StakingModule.ADDRESS.toHex(), "latest").asText())
          .isEqualTo("0xfe");
      // slot 0x10 ‖ validator address: the validator record, longer than a word, given whole
      String record = real.call("eth_getStorageAt", StakingModule.ADDRESS.toHex(),
          "0x10" + real.f.validators().get(0).address().toHex().substring(2), "latest").asText();
      assertThat(record.length()).isGreaterThan(2 + 64);
      // an unknown selector reverts with the module's reason, ABI-encoded
      assertThatThrownBy(() -> real.call("eth_call", Map.of("to", StakingModule.ADDRESS.toHex(),
          "data", "0x12345678")))
          .isInstanceOfSatisfying(RpcException.class, e -> {
            assertThat(e.code()).isEqualTo(3);
            assertThat(e.getMessage()).startsWith("execution reverted: ");
            assertThat(e.data().asText()).startsWith("0x08c379a0");
          });
    }
  }

  @Test
  void callRunsTheModuleAndRevertsWithCode3AndErrorStringData() throws Exception {
    Secp256k1.KeyPair alice = fx.f.user(0);
    String moduleBalance = fx.call("eth_getBalance", FakeSystemModule.ADDRESS.toHex()).asText();
    assertThat(fx.call("eth_call", Map.of("from", addr(alice), "to",
        FakeSystemModule.ADDRESS.toHex(), "data", "0x01", "value", "0x5")).asText()).isEqualTo("0x");
    assertThatThrownBy(() -> fx.call("eth_call", Map.of("from", addr(alice), "to",
        FakeSystemModule.ADDRESS.toHex(), "data", "0x02"), "latest"))
        .isInstanceOfSatisfying(RpcException.class, e -> {
          assertThat(e.code()).isEqualTo(3);
          assertThat(e.getMessage()).isEqualTo("execution reverted: nothing to withdraw");
          assertThat(e.data().asText())
              .isEqualTo(AbiCodec.errorData("nothing to withdraw").toHex());
        });
    // the scratch state is discarded: nothing was deposited
    assertThat(fx.call("eth_getBalance", FakeSystemModule.ADDRESS.toHex()).asText())
        .isEqualTo(moduleBalance);
    assertThat(fx.call("eth_getStorageAt", FakeSystemModule.ADDRESS.toHex(),
        Bytes.of("deposit:".getBytes()).concat(alice.address().bytes()).toHex(), "latest").asText())
        .isEqualTo("0x" + "00".repeat(32));
  }

  @Test
  void callWithDataToAnyOtherAddressReverts() throws Exception {
    assertThatThrownBy(() -> fx.call("eth_call", Map.of("to", BOB.toHex(), "data", "0xabcd")))
        .isInstanceOfSatisfying(RpcException.class, e -> {
          assertThat(e.code()).isEqualTo(3);
          assertThat(e.getMessage()).isEqualTo("execution reverted");
        });
    assertThat(fx.call("eth_call", Map.of("to", BOB.toHex())).asText()).isEqualTo("0x");
    assertThatThrownBy(() -> fx.call("eth_estimateGas", Map.of("to", BOB.toHex(), "data", "0x01")))
        .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code()).isEqualTo(3));
  }

  @Test
  void estimateGasIsTheTransferOrTheModulesFixedGas() throws Exception {
    Secp256k1.KeyPair alice = fx.f.user(0);
    assertThat(fx.call("eth_estimateGas", Map.of("from", addr(alice), "to", BOB.toHex(),
        "value", "0x1")).asText()).isEqualTo("0x5208");
    assertThat(fx.call("eth_estimateGas", Map.of("from", addr(alice), "to",
        FakeSystemModule.ADDRESS.toHex(), "data", "0x01", "value", "0x1")).asText())
        .isEqualTo("0x" + Long.toHexString(21_000 + 16 + FakeSystemModule.CALL_GAS));
    // an access list costs its intrinsic gas, as execution charges it
    assertThat(fx.call("eth_estimateGas", Map.of("from", addr(alice), "to", BOB.toHex(),
        "value", "0x1", "accessList", java.util.List.of(Map.of("address", BOB.toHex(),
            "storageKeys", java.util.List.of("0x" + "00".repeat(31) + "01")))))
        .asText()).isEqualTo("0x" + Long.toHexString(21_000 + 2_400 + 1_900));
    // what execution charges: the estimate is enough, one gas less runs out
    Secp256k1.KeyPair bob = fx.f.user(1);
    long estimate = 21_000 + 16 + FakeSystemModule.CALL_GAS;
    fx.commit(fx.f.call(bob, 0, FakeSystemModule.ADDRESS, BigInteger.ONE, Bytes.of((byte) 1),
        estimate, GWEI.multiply(BigInteger.TWO), GWEI),
        fx.f.call(bob, 1, FakeSystemModule.ADDRESS, BigInteger.ONE, Bytes.of((byte) 1),
        estimate - 1, GWEI.multiply(BigInteger.TWO), GWEI));
    assertThat(fx.call("eth_getBlockReceipts", "latest")).extracting(r -> r.get("status").asText())
        .containsExactly("0x1", "0x0");
    assertThatThrownBy(() -> fx.call("eth_estimateGas", Map.of("from", BOB.toHex(), "to",
        addr(alice), "value", "0x1")))
        .hasMessage("insufficient funds for gas * price + value");
    assertThatThrownBy(() -> fx.call("eth_estimateGas", Map.of("from", addr(alice), "to",
        FakeSystemModule.ADDRESS.toHex(), "data", "0x02")))
        .hasMessage("execution reverted: nothing to withdraw");
    assertThat(ETHER).isPositive();
  }
}
