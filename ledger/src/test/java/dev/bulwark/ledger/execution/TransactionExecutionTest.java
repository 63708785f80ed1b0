package dev.bulwark.ledger.execution;

import static dev.bulwark.ledger.execution.ChainFixture.ETHER;
import static dev.bulwark.ledger.execution.ChainFixture.GWEI;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ledger.crypto.Secp256k1;
import dev.bulwark.ledger.state.StateReader;
import dev.bulwark.ledger.tx.SignedTransaction;
import dev.bulwark.ledger.tx.TransactionType;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Transaction semantics: value, nonce, fees (burn, tip, refund), calls and their failures. */
class TransactionExecutionTest {
  private final ChainFixture f = new ChainFixture(4, 100, 30_000_000);
  private final Harness h = new Harness(f);
  private final Secp256k1.KeyPair alice = f.user(0);
  private final Address bob = f.user(1).address();

  private BigInteger balance(Address a) {
    return h.state().account(a).balance();
  }

  private static BigInteger gwei(long n) {
    return GWEI.multiply(BigInteger.valueOf(n));
  }

  @Test
  void transferMovesValueBurnsTheBaseFeeAndPaysTheTip() throws Exception {
    BigInteger aliceBefore = balance(alice.address());
    BigInteger bobBefore = balance(bob);
    BigInteger value = ETHER.multiply(BigInteger.valueOf(3));
    SignedTransaction tx = f.transfer(alice, 0, bob, value, gwei(3), gwei(1));
    ExecutionResult r = h.advance(List.of(tx));

    BigInteger price = gwei(2); // min(3 gwei, base fee 1 gwei + tip 1 gwei)
    BigInteger gas = BigInteger.valueOf(21_000);
    assertThat(balance(alice.address()))
        .isEqualTo(aliceBefore.subtract(value).subtract(gas.multiply(price)));
    assertThat(balance(bob)).isEqualTo(bobBefore.add(value));
    assertThat(balance(f.proposer())).isEqualTo(gas.multiply(gwei(1)));
    assertThat(h.state().account(alice.address()).nonce()).isEqualTo(1);
    assertThat(r.burnedFees()).isEqualTo(gas.multiply(GWEI));
    assertThat(r.gasUsed()).isEqualTo(21_000);

    Receipt receipt = r.receipts().get(0);
    assertThat(receipt.success()).isTrue();
    assertThat(receipt.type()).isEqualTo(TransactionType.DYNAMIC_FEE);
    assertThat(receipt.gasUsed()).isEqualTo(21_000);
    assertThat(receipt.cumulativeGasUsed()).isEqualTo(21_000);
    assertThat(receipt.effectiveGasPrice()).isEqualTo(price);
    assertThat(receipt.from()).isEqualTo(alice.address());
    assertThat(receipt.to()).contains(bob);
    assertThat(receipt.logs()).isEmpty();
    assertThat(receipt.logsBloom()).isEqualTo(LogsBloom.EMPTY);
  }

  @Test
  void legacyTransactionsPayTheirGasPrice() throws Exception {
    BigInteger before = balance(alice.address());
    ExecutionResult r = h.advance(List.of(f.legacy(alice, 0, bob, BigInteger.ONE, gwei(5))));
    BigInteger gas = BigInteger.valueOf(21_000);
    assertThat(r.receipts().get(0).effectiveGasPrice()).isEqualTo(gwei(5));
    assertThat(r.receipts().get(0).type()).isEqualTo(TransactionType.LEGACY);
    assertThat(balance(alice.address()))
        .isEqualTo(before.subtract(BigInteger.ONE).subtract(gas.multiply(gwei(5))));
    assertThat(balance(f.proposer())).isEqualTo(gas.multiply(gwei(4)));
  }

  @Test
  void theFeeCapBoundsThePrice() throws Exception {
    BigInteger cap = GWEI.add(GWEI.divide(BigInteger.TWO)); // 1.5 gwei < base fee + 1 gwei tip
    ExecutionResult r = h.advance(List.of(f.transfer(alice, 0, bob, BigInteger.ONE, cap, gwei(1))));
    assertThat(r.receipts().get(0).effectiveGasPrice()).isEqualTo(cap);
    assertThat(balance(f.proposer()))
        .isEqualTo(BigInteger.valueOf(21_000).multiply(cap.subtract(GWEI)));
  }

  @Test
  void unusedGasIsRefunded() throws Exception {
    BigInteger before = balance(alice.address());
    SignedTransaction tx =
        f.call(alice, 0, bob, BigInteger.TEN, Bytes.EMPTY, 90_000, gwei(2), BigInteger.ZERO);
    ExecutionResult r = h.advance(List.of(tx));
    assertThat(r.receipts().get(0).gasUsed()).isEqualTo(21_000);
    assertThat(balance(alice.address()))
        .isEqualTo(
            before.subtract(BigInteger.TEN).subtract(BigInteger.valueOf(21_000).multiply(GWEI)));
    assertThat(h.state().account(f.proposer()).isEmpty()).as("no tip, proposer untouched").isTrue();
  }

  @Test
  void callWithDataToAnAccountFailsButPaysIntrinsicGas() throws Exception {
    BigInteger aliceBefore = balance(alice.address());
    BigInteger bobBefore = balance(bob);
    Bytes data = Bytes.fromHex("a9059cbb00");
    long intrinsic = 21_000 + 4 * 16 + 4;
    SignedTransaction tx = f.call(alice, 0, bob, ETHER, data, 100_000, gwei(1), BigInteger.ZERO);
    ExecutionResult r = h.advance(List.of(tx));
    Receipt receipt = r.receipts().get(0);
    assertThat(receipt.success()).isFalse();
    assertThat(receipt.revertReason()).contains(TransactionProcessor.NO_EVM);
    assertThat(receipt.gasUsed()).isEqualTo(intrinsic);
    assertThat(balance(bob)).isEqualTo(bobBefore);
    assertThat(balance(alice.address()))
        .isEqualTo(aliceBefore.subtract(BigInteger.valueOf(intrinsic).multiply(GWEI)));
    assertThat(h.state().account(alice.address()).nonce()).isEqualTo(1);
  }

  @Test
  void systemCallMovesTheValueToTheModuleAndLogs() throws Exception {
    BigInteger moduleBefore = balance(FakeSystemModule.ADDRESS);
    Bytes data = Bytes.of((byte) 1);
    SignedTransaction tx =
        f.call(alice, 0, FakeSystemModule.ADDRESS, ETHER, data, 100_000, gwei(1), BigInteger.ZERO);
    ExecutionResult r = h.advance(List.of(tx));
    Receipt receipt = r.receipts().get(0);
    assertThat(receipt.success()).isTrue();
    assertThat(receipt.gasUsed()).isEqualTo(21_000 + 16 + FakeSystemModule.CALL_GAS);
    assertThat(receipt.logs())
        .singleElement()
        .satisfies(log -> assertThat(log.topics().get(0)).isEqualTo(FakeSystemModule.DEPOSITED));
    assertThat(receipt.logsBloom().mightContain(FakeSystemModule.ADDRESS)).isTrue();
    assertThat(r.logsBloom()).isEqualTo(receipt.logsBloom());
    assertThat(balance(FakeSystemModule.ADDRESS)).isEqualTo(moduleBefore.add(ETHER));
  }

  @Test
  void aRevertedSystemCallKeepsTheValueButPaysGasAndUsesTheNonce() throws Exception {
    BigInteger moduleBefore = balance(FakeSystemModule.ADDRESS);
    BigInteger aliceBefore = balance(alice.address());
    SignedTransaction tx =
        f.call(
            alice,
            0,
            FakeSystemModule.ADDRESS,
            ETHER,
            Bytes.of((byte) 2),
            100_000,
            gwei(1),
            BigInteger.ZERO);
    ExecutionResult r = h.advance(List.of(tx));
    Receipt receipt = r.receipts().get(0);
    long gas = 21_000 + 16 + FakeSystemModule.CALL_GAS;
    assertThat(receipt.success()).isFalse();
    assertThat(receipt.revertReason()).contains("nothing to withdraw");
    assertThat(receipt.gasUsed()).isEqualTo(gas);
    assertThat(balance(FakeSystemModule.ADDRESS)).isEqualTo(moduleBefore);
    assertThat(balance(alice.address()))
        .isEqualTo(aliceBefore.subtract(BigInteger.valueOf(gas).multiply(GWEI)));
    assertThat(h.state().account(alice.address()).nonce()).isEqualTo(1);
  }

  @Test
  void aSystemCallBelowItsCostRunsOutOfGasAndUsesAllOfIt() throws Exception {
    BigInteger aliceBefore = balance(alice.address());
    SignedTransaction tx =
        f.call(
            alice,
            0,
            FakeSystemModule.ADDRESS,
            ETHER,
            Bytes.of((byte) 1),
            50_000,
            gwei(1),
            BigInteger.ZERO);
    ExecutionResult r = h.advance(List.of(tx));
    Receipt receipt = r.receipts().get(0);
    assertThat(receipt.success()).isFalse();
    assertThat(receipt.revertReason()).contains(TransactionProcessor.OUT_OF_GAS);
    assertThat(receipt.gasUsed()).isEqualTo(50_000);
    assertThat(balance(alice.address()))
        .isEqualTo(aliceBefore.subtract(BigInteger.valueOf(50_000).multiply(GWEI)));
  }

  @Test
  void cumulativeGasAndOrderAcrossTransactions() throws Exception {
    List<SignedTransaction> txs =
        List.of(
            f.transfer(alice, 0, bob, BigInteger.ONE, gwei(2), BigInteger.ZERO),
            f.call(
                alice,
                1,
                FakeSystemModule.ADDRESS,
                BigInteger.TEN,
                Bytes.of((byte) 1),
                100_000,
                gwei(2),
                BigInteger.ZERO),
            f.transfer(alice, 2, bob, BigInteger.ONE, gwei(2), BigInteger.ZERO));
    ExecutionResult r = h.advance(txs);
    assertThat(r.receipts())
        .extracting(Receipt::cumulativeGasUsed)
        .containsExactly(21_000L, 21_000L + 61_016, 21_000L + 61_016 + 21_000);
    assertThat(r.gasUsed()).isEqualTo(103_016);
    assertThat(h.head.gasUsed()).isEqualTo(103_016);
    StateReader s = h.state();
    assertThat(s.account(alice.address()).nonce()).isEqualTo(3);
    assertThat(f.module().view(alice.address(), Bytes.EMPTY, s).returnData())
        .isEqualTo(Bytes.of(ChainFixture.BigIntegers.word(BigInteger.TEN)));
    assertThat(r.receipts().get(1).revertReason()).isEqualTo(Optional.empty());
  }
}
