package dev.bulwark.rpc.eth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.ledger.crypto.Secp256k1;
import dev.bulwark.ledger.staking.AbiCodec;
import dev.bulwark.ledger.staking.StakingModule;
import dev.bulwark.ledger.tx.SignedTransaction;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.rpc.ots.OtsApi;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Otterscan backend against the real staking module, field by field as Otterscan's
 * {@code src/useErigonHooks.ts} reads the answers (readBlock, blockTransactionsFetcher,
 * useInternalOperations, useTraceTransaction) and as Erigon shapes them.
 */
class OtsApiTest {
  private static final BigInteger GWEI = BigInteger.TEN.pow(9);
  private static final BigInteger ETHER = BigInteger.TEN.pow(18);
  private static final Address BOB = Address.fromHex("0x" + "b0".repeat(20));
  private static final Address STAKING = StakingModule.ADDRESS;

  private EthFixture fx;

  @BeforeEach
  void open() {
    fx = new EthFixture(true, true);
    OtsApi.register(fx.methods);
  }

  @AfterEach
  void close() {
    fx.close();
  }

  private SignedTransaction transfer(Secp256k1.KeyPair from, long nonce, BigInteger value) {
    return fx.f.transfer(from, nonce, BOB, value, GWEI.multiply(BigInteger.TWO), GWEI);
  }

  @Test
  void apiLevelIsTheJsonNumberEightAndCreatorIsNull() throws Exception {
    JsonNode level = fx.call("ots_getApiLevel");
    assertThat(level.isInt()).isTrue();
    assertThat(level.intValue()).isEqualTo(8);
    assertThat(fx.call("ots_getContractCreator", STAKING.toHex()).isNull()).isTrue();
    assertThat(fx.call("ots_hasCode", STAKING.toHex(), "latest").booleanValue()).isTrue();
    assertThat(fx.call("ots_hasCode", BOB.toHex(), "latest").booleanValue()).isFalse();
  }

  @Test
  void blockDetailsHaveTheFieldsOtterscansReadBlockReads() throws Exception {
    Secp256k1.KeyPair alice = fx.f.user(0);
    fx.commit(transfer(alice, 0, BigInteger.ONE), transfer(alice, 1, BigInteger.TWO));
    JsonNode eth = fx.call("eth_getBlockByNumber", "0x1", false);
    for (JsonNode details : List.of(fx.call("ots_getBlockDetails", 1),
        fx.call("ots_getBlockDetails", "0x1"),
        fx.call("ots_getBlockDetailsByHash", eth.get("hash").asText()))) {
      JsonNode block = details.get("block");
      for (String f : List.of("hash", "number", "timestamp", "parentHash", "nonce", "difficulty",
          "gasLimit", "gasUsed", "miner", "extraData", "baseFeePerGas", "size", "sha3Uncles",
          "stateRoot", "totalDifficulty")) {
        assertThat(block.get(f)).as(f).isEqualTo(eth.get(f));
      }
      assertThat(block.get("transactionCount").intValue()).isEqualTo(2);
      assertThat(block.has("transactions")).isFalse();
      assertThat(block.get("logsBloom").isNull()).isTrue();
      assertThat(details.get("issuance").get("blockReward").asText()).isEqualTo("0x0");
      assertThat(details.get("issuance").get("uncleReward").asText()).isEqualTo("0x0");
      // two transfers of 21,000 gas at base fee + 1 gwei tip
      BigInteger price = new BigInteger(eth.get("baseFeePerGas").asText().substring(2), 16).add(GWEI);
      assertThat(details.get("totalFees").asText())
          .isEqualTo("0x" + price.multiply(BigInteger.valueOf(42_000)).toString(16));
    }
    assertThat(fx.call("ots_getBlockDetails", 99).isNull()).isTrue();
    JsonNode header = fx.call("erigon_getHeaderByNumber", 1);
    assertThat(header.get("hash")).isEqualTo(eth.get("hash"));
    assertThat(header.has("transactions")).isFalse();
  }

  @Test
  void blockTransactionsArePagedFromTheEndWithReceiptsWithoutLogs() throws Exception {
    Secp256k1.KeyPair alice = fx.f.user(0);
    List<SignedTransaction> txs = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      txs.add(transfer(alice, i, BigInteger.valueOf(i + 1)));
    }
    fx.commit(txs.toArray(SignedTransaction[]::new));
    JsonNode page0 = fx.call("ots_getBlockTransactions", 1, 0, 2);
    assertThat(page0.get("fullblock").get("transactionCount").intValue()).isEqualTo(5);
    assertThat(page0.get("fullblock").get("transactions")).extracting(t -> t.get("hash").asText())
        .containsExactly(txs.get(3).hash().toHex(), txs.get(4).hash().toHex());
    assertThat(page0.get("receipts")).hasSize(2).allSatisfy(r -> {
      assertThat(r.get("logs").isNull()).isTrue();
      assertThat(r.get("status").asText()).isEqualTo("0x1");
      assertThat(r.get("gasUsed").asText()).isEqualTo("0x5208");
    });
    assertThat(fx.call("ots_getBlockTransactions", 1, 2, 2).get("fullblock").get("transactions"))
        .extracting(t -> t.get("hash").asText()).containsExactly(txs.get(0).hash().toHex());
    assertThat(fx.call("ots_getBlockTransactions", 1, 3, 2).get("fullblock").get("transactions"))
        .isEmpty();
  }

  @Test
  void senderAndNonceFindsTheTransactionInTheArchive() throws Exception {
    Secp256k1.KeyPair alice = fx.f.user(0);
    List<SignedTransaction> sent = new ArrayList<>();
    for (int n = 0; n < 6; n++) {
      SignedTransaction tx = transfer(alice, n, BigInteger.ONE);
      sent.add(tx);
      fx.commit(tx);
      fx.commit();
    }
    for (int n = 0; n < 6; n++) {
      assertThat(fx.call("ots_getTransactionBySenderAndNonce", alice.address().toHex(), n).asText())
          .isEqualTo(sent.get(n).hash().toHex());
    }
    assertThat(fx.call("ots_getTransactionBySenderAndNonce", alice.address().toHex(), 6).isNull())
        .isTrue();
  }

  @Test
  void aFailedStakingCallsErrorIsItsRevertDataAndAWithdrawIsAnInternalTransfer() throws Exception {
    Secp256k1.KeyPair alice = fx.f.user(0);
    SignedTransaction failed = fx.f.call(alice, 0, STAKING, BigInteger.ZERO,
        Bytes.fromHex("3ccfd60b"), 200_000, GWEI.multiply(BigInteger.TWO), GWEI);
    SignedTransaction ok = transfer(alice, 1, BigInteger.ONE);
    var validator = fx.f.validators().get(1).account();
    SignedTransaction fund = fx.f.transfer(alice, 2, validator.address(), ETHER,
        GWEI.multiply(BigInteger.TWO), GWEI);
    fx.commit(failed, ok, fund);
    assertThat(fx.call("ots_getTransactionError", failed.hash().toHex()).asText())
        .isEqualTo(AbiCodec.errorData("nothing to withdraw").toHex());
    assertThat(fx.call("ots_getTransactionError", ok.hash().toHex()).asText()).isEqualTo("0x");
    assertThat(fx.call("ots_getInternalOperations", ok.hash().toHex())).isEmpty();
    JsonNode plain = fx.call("ots_traceTransaction", ok.hash().toHex());
    assertThat(plain).hasSize(1);
    assertThat(plain.get(0).get("type").asText()).isEqualTo("CALL");
    assertThat(plain.get(0).get("depth").intValue()).isZero();
    assertThat(plain.get(0).get("to").asText()).isEqualTo(BOB.toHex());
    assertThat(plain.get(0).get("value").asText()).isEqualTo("0x1");

    // unstake 1 ETH, wait out the unbonding period, withdraw: the module pays the validator
    long unbonding = fx.f.params().unbondingPeriodBlocks();
    fx.commit(fx.f.call(validator, 0, STAKING, BigInteger.ZERO,
        Bytes.fromHex("2e17de78" + String.format("%064x", ETHER)), 200_000,
        GWEI.multiply(BigInteger.TWO), GWEI));
    for (long i = 0; i < unbonding; i++) {
      fx.commit();
    }
    SignedTransaction withdraw = fx.f.call(validator, 1, STAKING, BigInteger.ZERO,
        Bytes.fromHex("3ccfd60b"), 200_000, GWEI.multiply(BigInteger.TWO), GWEI);
    fx.commit(withdraw);
    assertThat(fx.call("eth_getTransactionReceipt", withdraw.hash().toHex()).get("status").asText())
        .isEqualTo("0x1");
    JsonNode ops = fx.call("ots_getInternalOperations", withdraw.hash().toHex());
    assertThat(ops).hasSize(1);
    assertThat(ops.get(0).get("type").intValue()).isZero();
    assertThat(ops.get(0).get("from").asText()).isEqualTo(STAKING.toHex());
    assertThat(ops.get(0).get("to").asText()).isEqualTo(validator.address().toHex());
    assertThat(ops.get(0).get("value").asText()).isEqualTo("0x" + ETHER.toString(16));
    JsonNode trace = fx.call("ots_traceTransaction", withdraw.hash().toHex());
    assertThat(trace).hasSize(2);
    assertThat(trace.get(1).get("depth").intValue()).isEqualTo(1);
    assertThat(trace.get(1).get("value").asText()).isEqualTo("0x" + ETHER.toString(16));
    assertThat(trace.get(0).get("output").asText()).isEqualTo("0x" + String.format("%064x", ETHER));
    assertThatThrownBy(() -> fx.call("ots_getTransactionError", "0x" + "00".repeat(32)))
        .hasMessageContaining("not found");
  }
}
