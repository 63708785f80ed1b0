package dev.bulwark.rpc.eth;

import static dev.bulwark.ledger.execution.ChainFixture.GWEI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.ledger.crypto.Keccak;
import dev.bulwark.ledger.crypto.Secp256k1;
import dev.bulwark.ledger.execution.ChainFixture;
import dev.bulwark.ledger.tx.SignedTransaction;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.rpc.jsonrpc.RpcException;
import dev.bulwark.rpc.jsonrpc.RpcLimits;
import dev.bulwark.rpc.server.RpcDispatcher;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** eth_sendRawTransaction answers the pool's rejections with geth's texts (ETH-RPC.md 1.3). */
class SendRawTransactionTest {
  private static final Address BOB = Address.fromHex("0x" + "35".repeat(20));
  private static final BigInteger PRICE = GWEI.multiply(BigInteger.TWO);
  private final EthFixture fx = new EthFixture();

  @AfterEach
  void close() {
    fx.close();
  }

  private static void rejected(ThrowingCall call, String message) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(RpcException.class, e -> {
      assertThat(e.code()).isEqualTo(-32000);
      assertThat(e.getMessage()).isEqualTo(message);
    });
  }

  @FunctionalInterface
  interface ThrowingCall {
    void run() throws Exception;
  }

  private JsonNode send(SignedTransaction tx) throws RpcException {
    return fx.call("eth_sendRawTransaction", tx.raw().toHex());
  }

  @Test
  void acceptedHashIsTheLowercaseKeccakOfTheRawBytes() throws Exception {
    SignedTransaction tx = fx.f.transfer(fx.f.user(0), 0, BOB, BigInteger.ONE, PRICE, GWEI);
    String hash = send(tx).asText();
    assertThat(hash).isEqualTo(Keccak.hash(tx.raw()).toHex()).isEqualTo(hash.toLowerCase());
  }

  @Test
  void poolRejectionsUseGethsTexts() throws Exception {
    Secp256k1.KeyPair alice = fx.f.user(0);
    SignedTransaction first = fx.f.transfer(alice, 0, BOB, BigInteger.ONE, PRICE, GWEI);
    send(first);
    rejected(() -> send(first), "already known");
    // the replacement must raise both fee cap and tip by the 10% bump
    SignedTransaction fivePercent = fx.f.transfer(alice, 0, BOB, BigInteger.TWO,
        PRICE.multiply(BigInteger.valueOf(105)).divide(BigInteger.valueOf(100)),
        GWEI.multiply(BigInteger.valueOf(105)).divide(BigInteger.valueOf(100)));
    rejected(() -> send(fivePercent), "replacement transaction underpriced");
    SignedTransaction tenPercent = fx.f.transfer(alice, 0, BOB, BigInteger.TWO,
        PRICE.multiply(BigInteger.valueOf(110)).divide(BigInteger.valueOf(100)),
        GWEI.multiply(BigInteger.valueOf(110)).divide(BigInteger.valueOf(100)));
    send(tenPercent);
    fx.commit(tenPercent);
    rejected(() -> send(fx.f.transfer(alice, 0, BOB, BigInteger.ONE, PRICE, GWEI)),
        "nonce too low");
    rejected(() -> send(fx.f.transfer(alice, 1000, BOB, BigInteger.ONE, PRICE, GWEI)),
        "nonce too high");
    rejected(() -> send(fx.f.transfer(alice, 1, BOB, ChainFixture.ETHER.multiply(
        BigInteger.valueOf(10_000)), PRICE, GWEI)), "insufficient funds for gas * price + value");
    rejected(() -> send(fx.f.transfer(alice, 1, BOB, BigInteger.ONE, GWEI.divide(BigInteger.TWO),
        BigInteger.ZERO)), "max fee per gas less than block base fee");
    rejected(() -> send(fx.f.legacy(alice, 1, BOB, BigInteger.ONE, GWEI.divide(BigInteger.TWO))),
        "transaction underpriced");
    rejected(() -> send(fx.f.transfer(alice, 1, BOB, BigInteger.ONE, GWEI, PRICE)),
        "max priority fee per gas higher than max fee per gas");
    rejected(() -> send(fx.f.call(alice, 1, BOB, BigInteger.ONE, Bytes.EMPTY, 20_000, PRICE,
        GWEI)), "intrinsic gas too low");
    rejected(() -> send(fx.f.call(alice, 1, BOB, BigInteger.ONE, Bytes.EMPTY, 40_000_000, PRICE,
        GWEI)), "exceeds block gas limit");
  }

  @Test
  void encodingErrorsAndUnsupportedTypes() {
    rejected(() -> fx.call("eth_sendRawTransaction", "0x03c0"), "transaction type not supported");
    rejected(() -> fx.call("eth_sendRawTransaction", "0xc0"),
        "invalid raw transaction: not a canonical transaction encoding");
    rejected(() -> fx.call("eth_sendRawTransaction", "0x"),
        "invalid raw transaction: not a canonical transaction encoding");
  }

  @Test
  void preEip155IsAcceptedByDefaultAndRefusedWithGethsTextWhenOff() throws Exception {
    SignedTransaction unprotected = Txs.unprotected(fx.f.user(0), 0, BOB, BigInteger.ONE, PRICE);
    assertThat(send(unprotected).asText()).isEqualTo(unprotected.hash().toHex());
    try (EthFixture strict = new EthFixture(false, false)) {
      rejected(() -> strict.call("eth_sendRawTransaction", unprotected.raw().toHex()),
          "only replay-protected (EIP-155) transactions allowed over RPC");
      assertThat(strict.mempool.size()).isZero();
      // protected ones still pass
      SignedTransaction protectedTx = strict.f.legacy(strict.f.user(0), 0, BOB, BigInteger.ONE,
          PRICE);
      assertThat(strict.call("eth_sendRawTransaction", protectedTx.raw().toHex()).asText())
          .isEqualTo(protectedTx.hash().toHex());
    }
  }

  @Test
  void txpoolStatusAndContent() throws Exception {
    Secp256k1.KeyPair alice = fx.f.user(0);
    send(fx.f.transfer(alice, 0, BOB, BigInteger.ONE, PRICE, GWEI));
    send(fx.f.transfer(alice, 2, BOB, BigInteger.ONE, PRICE, GWEI)); // behind a gap
    JsonNode status = fx.call("txpool_status");
    assertThat(status.get("pending").asText()).isEqualTo("0x1");
    assertThat(status.get("queued").asText()).isEqualTo("0x1");
    JsonNode content = fx.call("txpool_content");
    String sender = alice.address().toChecksumHex();
    assertThat(content.get("pending").get(sender).get("0").get("nonce").asText()).isEqualTo("0x0");
    assertThat(content.get("queued").get(sender).get("2").get("blockHash").isNull()).isTrue();
  }

  @Test
  void aBatchsSubmissionsEnterThePoolInOneAdmissionAndAreAnsweredInRequestOrder() throws Exception {
    Secp256k1.KeyPair alice = fx.f.user(0);
    SignedTransaction first = fx.f.transfer(alice, 0, BOB, BigInteger.ONE, PRICE, GWEI);
    SignedTransaction second = fx.f.transfer(alice, 1, BOB, BigInteger.ONE, PRICE, GWEI);
    SignedTransaction quiet = fx.f.transfer(alice, 2, BOB, BigInteger.ONE, PRICE, GWEI);
    List<Integer> notified = new ArrayList<>();
    fx.mempool.addListener(batch -> notified.add(batch.size()));
    String body = "[" + String.join(",",
        send(1, first.raw().toHex()),
        send(2, "0xc0"),
        "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"eth_chainId\",\"params\":[]}",
        send(4, second.raw().toHex()),
        "{\"jsonrpc\":\"2.0\",\"method\":\"eth_sendRawTransaction\",\"params\":[\""
            + quiet.raw().toHex() + "\"]}",
        send(5, first.raw().toHex())) + "]";
    JsonNode answers = EthFixture.MAPPER.readTree(new RpcDispatcher(fx.methods, RpcLimits.DEFAULTS)
        .handle(body.getBytes(StandardCharsets.UTF_8), Optional.empty()));

    assertThat(notified).as("one admission, one relay notification").containsExactly(3);
    assertThat(fx.mempool.size()).isEqualTo(3);
    assertThat(answers).hasSize(5);
    assertThat(answers).extracting(a -> a.get("id").asInt()).containsExactly(1, 2, 3, 4, 5);
    assertThat(answers.get(0).get("result").asText()).isEqualTo(first.hash().toHex());
    assertThat(answers.get(1).get("error").get("message").asText())
        .isEqualTo("invalid raw transaction: not a canonical transaction encoding");
    assertThat(answers.get(2).has("result")).isTrue();
    assertThat(answers.get(3).get("result").asText()).isEqualTo(second.hash().toHex());
    assertThat(answers.get(4).get("error").get("code").asInt()).isEqualTo(-32000);
    assertThat(answers.get(4).get("error").get("message").asText()).isEqualTo("already known");
  }

  private static String send(int id, String rawHex) {
    return "{\"jsonrpc\":\"2.0\",\"id\":" + id
        + ",\"method\":\"eth_sendRawTransaction\",\"params\":[\"" + rawHex + "\"]}";
  }
}
