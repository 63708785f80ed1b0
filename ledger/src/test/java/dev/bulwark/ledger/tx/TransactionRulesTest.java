package dev.bulwark.ledger.tx;

import static dev.bulwark.ledger.tx.TestTransactions.GWEI;
import static dev.bulwark.ledger.tx.TestTransactions.TO;
import static dev.bulwark.ledger.tx.TestTransactions.signed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.ledger.crypto.Secp256k1;
import dev.bulwark.ledger.types.Bytes;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TransactionRulesTest {
  private static final BigInteger CHAIN = BigInteger.valueOf(1337);
  private static final TransactionRules RULES =
      new TransactionRules(TransactionRules.Config.of(1337));

  @Test
  void admitsWellFormedTransfersOfEveryEnvelope() {
    assertThat(RULES.evaluate(signed(TestTransactions.dynamicFee()))).isEmpty();
    assertThat(RULES.evaluate(signed(TestTransactions.accessList(1337)))).isEmpty();
    assertThat(RULES.evaluate(signed(TestTransactions.unprotected()))).isEmpty();
    LegacyTransaction eip155 = TestTransactions.eip155();
    assertThat(RULES.evaluate(signed(new LegacyTransaction(Optional.of(CHAIN), 0,
        eip155.gasPrice(), 21_000, Optional.of(TO), BigInteger.ONE, Bytes.EMPTY,
        TransactionSignature.NONE)))).isEmpty();
    assertThatCode(() -> RULES.check(signed(TestTransactions.dynamicFee())))
        .doesNotThrowAnyException();
  }

  @Test
  void unprotectedTransactionsCanBeRefused() {
    TransactionRules strict = new TransactionRules(new TransactionRules.Config(1337, false));
    assertThatThrownBy(() -> strict.check(signed(TestTransactions.unprotected())))
        .isInstanceOfSatisfying(TransactionRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectionReason.UNPROTECTED_NOT_ALLOWED))
        .hasMessage("only replay-protected (EIP-155) transactions allowed over RPC");
    assertThat(strict.evaluate(signed(TestTransactions.dynamicFee()))).isEmpty();
  }

  @Test
  void anotherChainIdIsAnInvalidSender() {
    assertThat(RULES.evaluate(signed(TestTransactions.eip155())))
        .contains(RejectionReason.INVALID_SENDER);
    assertThat(RULES.evaluate(signed(TestTransactions.accessList(1))))
        .contains(RejectionReason.INVALID_SENDER);
    assertThatThrownBy(() -> RULES.check(signed(TestTransactions.eip155())))
        .hasMessage("invalid sender");
  }

  @Test
  void highSIsAnInvalidSender() {
    Transaction tx = signed(TestTransactions.dynamicFee()).transaction();
    TransactionSignature sig = tx.signature();
    Transaction highS = tx.withSignature(new TransactionSignature(
        1 - sig.yParity(), sig.r(), Secp256k1.N.subtract(sig.s())));
    assertThat(RULES.evaluate(SignedTransaction.of(highS)))
        .contains(RejectionReason.INVALID_SENDER);
  }

  @Test
  void intrinsicGasIsEnforcedAtTheExactBoundary() {
    AccessListTransaction exact = TestTransactions.accessList(1337);
    assertThat(IntrinsicGas.of(exact)).isEqualTo(exact.gasLimit());
    assertThat(RULES.evaluate(signed(exact))).isEmpty();
    AccessListTransaction short1 = new AccessListTransaction(exact.chainId(), exact.nonce(),
        exact.gasPrice(), exact.gasLimit() - 1, exact.to(), exact.value(), exact.data(),
        exact.accessList(), TransactionSignature.NONE);
    assertThatThrownBy(() -> RULES.check(signed(short1))).hasMessage("intrinsic gas too low");
    assertThat(RULES.evaluate(signed(
        TestTransactions.dynamicFee(CHAIN, GWEI, GWEI, 20_999))))
        .contains(RejectionReason.INTRINSIC_GAS_TOO_LOW);
  }

  @Test
  void intrinsicGasOfContractCreationCountsInitCodeWords() {
    Bytes initCode = Bytes.of(new byte[33]); // 33 zero bytes: 2 words
    LegacyTransaction create = new LegacyTransaction(Optional.of(CHAIN), 0, GWEI, 100_000,
        Optional.empty(), BigInteger.ZERO, initCode, TransactionSignature.NONE);
    assertThat(IntrinsicGas.of(create)).isEqualTo(53_000 + 33 * 4 + 2 * 2);
    assertThatThrownBy(() -> RULES.check(signed(create)))
        .hasMessage("contract creation is not supported");
  }

  @Test
  void oversizedInitCodeIsRefusedFirst() {
    LegacyTransaction create = new LegacyTransaction(Optional.of(CHAIN), 0, GWEI, 10_000_000,
        Optional.empty(), BigInteger.ZERO, Bytes.of(new byte[TransactionRules.MAX_INITCODE_SIZE + 1]),
        TransactionSignature.NONE);
    assertThat(RULES.evaluate(signed(create)))
        .contains(RejectionReason.MAX_INITCODE_SIZE_EXCEEDED);
  }

  @Test
  void priorityFeeAboveFeeCapIsRefused() {
    assertThatThrownBy(() -> RULES.check(signed(
        TestTransactions.dynamicFee(CHAIN, GWEI.add(BigInteger.ONE), GWEI, 21_000))))
        .hasMessage("max priority fee per gas higher than max fee per gas");
  }

  @Test
  void maximalNonceIsRefused() {
    DynamicFeeTransaction t = TestTransactions.dynamicFee();
    DynamicFeeTransaction maxNonce = new DynamicFeeTransaction(CHAIN, -1L,
        t.maxPriorityFeePerGas(), t.maxFeePerGas(), t.gasLimit(), t.to(), t.value(), t.data(),
        List.of(), TransactionSignature.NONE);
    assertThat(RULES.evaluate(signed(maxNonce))).contains(RejectionReason.NONCE_MAX);
  }

  @Test
  void gasTimesPriceBeyond256BitsIsInsufficientFunds() {
    BigInteger cap = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE)
        .divide(BigInteger.valueOf(21_000));
    assertThat(RULES.evaluate(signed(TestTransactions.dynamicFee(CHAIN, GWEI, cap, 21_000))))
        .isEmpty();
    assertThatThrownBy(() -> RULES.check(signed(
        TestTransactions.dynamicFee(CHAIN, GWEI, cap.add(BigInteger.ONE), 21_000))))
        .hasMessage("insufficient funds for gas * price + value");
  }

  @Test
  void laterStagesRunOnlyForTransactionsTheRulesAdmit() {
    AtomicInteger calls = new AtomicInteger();
    AdmissionCheck stateStage = tx -> {
      calls.incrementAndGet();
      return Optional.of(RejectionReason.NONCE_TOO_LOW);
    };
    AdmissionCheck admission = RULES.andThen(stateStage);
    assertThat(admission.evaluate(signed(TestTransactions.eip155())))
        .contains(RejectionReason.INVALID_SENDER);
    assertThat(calls).hasValue(0);
    assertThatThrownBy(() -> admission.check(signed(TestTransactions.dynamicFee())))
        .hasMessage("nonce too low");
    assertThat(calls).hasValue(1);
  }
}
