package dev.bulwark.ledger.mempool;

import static dev.bulwark.ledger.mempool.PoolTxs.CHAIN;
import static dev.bulwark.ledger.mempool.PoolTxs.ETHER;
import static dev.bulwark.ledger.mempool.PoolTxs.TO;
import static dev.bulwark.ledger.mempool.PoolTxs.TRANSFER_GAS;
import static dev.bulwark.ledger.mempool.PoolTxs.dynamic;
import static dev.bulwark.ledger.mempool.PoolTxs.gwei;
import static dev.bulwark.ledger.mempool.PoolTxs.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.ledger.codec.DecodeException;
import dev.bulwark.ledger.crypto.Secp256k1;
import dev.bulwark.ledger.tx.DynamicFeeTransaction;
import dev.bulwark.ledger.tx.LegacyTransaction;
import dev.bulwark.ledger.tx.RejectionReason;
import dev.bulwark.ledger.tx.SignedTransaction;
import dev.bulwark.ledger.tx.Transaction;
import dev.bulwark.ledger.tx.TransactionCodec;
import dev.bulwark.ledger.tx.TransactionRejectedException;
import dev.bulwark.ledger.tx.TransactionRules;
import dev.bulwark.ledger.tx.TransactionSignature;
import dev.bulwark.ledger.tx.TransactionSigner;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every admission rule and its Ethereum error text, one transaction at a time. */
class MempoolAdmissionTest {
  private static final Secp256k1.KeyPair A = key(0);
  private static final Secp256k1.KeyPair B = key(1);

  private FakeState state;
  private Mempool pool;

  @BeforeEach
  void setUp() {
    state = new FakeState().withBalance(A.address(), ETHER).withBalance(B.address(), ETHER);
    pool = PoolTxs.pool(MempoolConfig.defaults(), state);
  }

  @Test
  void admitsAnExecutableTransaction() {
    SignedTransaction tx = dynamic(A, 0, gwei(2), gwei(1));
    assertThat(pool.add(tx, TxOrigin.LOCAL))
        .isEqualTo(new AddResult.Added(tx.hash(), true, Optional.empty()));
    assertThat(pool.contains(tx.hash())).isTrue();
    assertThat(pool.size()).isEqualTo(1);
    assertThat(pool.getByHash(tx.hash())).hasValueSatisfying(p -> {
      assertThat(p.tx()).isEqualTo(tx);
      assertThat(p.sender()).isEqualTo(A.address());
      assertThat(p.origin().isLocal()).isTrue();
    });
    assertThat(pool.pendingNonce(A.address())).isEqualTo(1);
    assertThat(pool.counters().admitted()).isEqualTo(1);
  }

  @Test
  void admitsEveryEnvelopeFromRawBytes() {
    List<SignedTransaction> txs = List.of(dynamic(A, 0, gwei(2), gwei(1)),
        PoolTxs.legacy(A, 1, gwei(2)), PoolTxs.accessList(A, 2, gwei(2)));
    for (SignedTransaction tx : txs) {
      assertThat(pool.add(tx.raw().toArray(), TxOrigin.LOCAL).orThrow().pending()).isTrue();
    }
    assertThat(pool.pendingNonce(A.address())).isEqualTo(3);
  }

  @Test
  void aDuplicateIsAlreadyKnownBeforeItsSenderIsRecovered() {
    SignedTransaction tx = dynamic(A, 0, gwei(2), gwei(1));
    pool.add(tx, TxOrigin.LOCAL).orThrow();
    SignedTransaction again = TransactionCodec.decode(tx.raw());
    assertRejected(pool.add(again, TxOrigin.fromPeer(Bytes.fromHex("01"))),
        RejectionReason.ALREADY_KNOWN, "already known");
    assertThat(again.isSenderRecovered()).isFalse();
    assertRejected(pool.add(tx.raw().toArray(), TxOrigin.LOCAL), RejectionReason.ALREADY_KNOWN,
        "already known");
    assertThat(pool.size()).isEqualTo(1);
    assertThat(pool.counters().rejected(RejectionReason.ALREADY_KNOWN)).isEqualTo(2);
  }

  @Test
  void statelessRulesComeFirstWithTheirTexts() {
    assertRejected(pool.add(signed(A, new DynamicFeeTransaction(BigInteger.ONE, 0, gwei(1),
        gwei(2), TRANSFER_GAS, Optional.of(TO), BigInteger.ONE, Bytes.EMPTY, List.of(),
        TransactionSignature.NONE)), TxOrigin.LOCAL), RejectionReason.INVALID_SENDER,
        "invalid sender");
    assertRejected(pool.add(signed(A, new DynamicFeeTransaction(CHAIN, 0, gwei(1), gwei(2),
        60_000, Optional.empty(), BigInteger.ZERO, Bytes.EMPTY, List.of(),
        TransactionSignature.NONE)), TxOrigin.LOCAL),
        RejectionReason.CONTRACT_CREATION_NOT_SUPPORTED, "contract creation is not supported");
    assertRejected(pool.add(dynamic(A, 0, gwei(2), gwei(1), BigInteger.ONE, TRANSFER_GAS - 1),
        TxOrigin.LOCAL), RejectionReason.INTRINSIC_GAS_TOO_LOW, "intrinsic gas too low");
    assertRejected(pool.add(dynamic(A, 0, gwei(2), gwei(3)), TxOrigin.LOCAL),
        RejectionReason.TIP_ABOVE_FEE_CAP, "max priority fee per gas higher than max fee per gas");
    assertThat(pool.size()).isZero();
  }

  @Test
  void unprotectedTransactionsFollowTheRulesConfiguration() {
    SignedTransaction unprotected = signed(A, new LegacyTransaction(Optional.empty(), 0,
        gwei(2), TRANSFER_GAS, Optional.of(TO), BigInteger.ONE, Bytes.EMPTY,
        TransactionSignature.NONE));
    Mempool strict = new Mempool(MempoolConfig.defaults(),
        new TransactionRules(new TransactionRules.Config(PoolTxs.CHAIN_ID, false)),
        new PoolHead(state, PoolTxs.GWEI, PoolTxs.BLOCK_GAS_LIMIT));
    assertRejected(strict.add(unprotected, TxOrigin.LOCAL),
        RejectionReason.UNPROTECTED_NOT_ALLOWED,
        "only replay-protected (EIP-155) transactions allowed over RPC");
    assertThat(pool.add(unprotected, TxOrigin.LOCAL).orThrow().pending()).isTrue();
  }

  @Test
  void rawBytesOfAnUnknownTypeOrTooLargeAreRejectedAndGarbageDoesNotDecode() {
    assertRejected(pool.add(Bytes.fromHex("03c0").toArray(), TxOrigin.LOCAL),
        RejectionReason.TYPE_NOT_SUPPORTED, "transaction type not supported");
    assertThatThrownBy(() -> pool.add(Bytes.fromHex("02ff").toArray(), TxOrigin.LOCAL))
        .isInstanceOf(DecodeException.class);
    SignedTransaction tx = dynamic(A, 0, gwei(2), gwei(1));
    int size = tx.raw().size();
    Mempool small = PoolTxs.pool(MempoolConfig.defaults().withMaxSize(10), state);
    Mempool tight = new Mempool(new MempoolConfig(10, 64, size - 1, 10), PoolTxs.RULES,
        small.head());
    assertRejected(tight.add(tx, TxOrigin.LOCAL), RejectionReason.OVERSIZED_DATA,
        "oversized data");
    assertRejected(tight.add(tx.raw().toArray(), TxOrigin.LOCAL), RejectionReason.OVERSIZED_DATA,
        "oversized data");
    Mempool exact = new Mempool(new MempoolConfig(10, 64, size, 10), PoolTxs.RULES, small.head());
    assertThat(exact.add(tx, TxOrigin.LOCAL)).isInstanceOf(AddResult.Added.class);
  }

  @Test
  void gasLimitAboveTheBlocksIsRejected() {
    long limit = PoolTxs.BLOCK_GAS_LIMIT;
    assertRejected(pool.add(dynamic(A, 0, gwei(2), gwei(1), BigInteger.ONE, limit + 1),
        TxOrigin.LOCAL), RejectionReason.EXCEEDS_BLOCK_GAS_LIMIT, "exceeds block gas limit");
    assertThat(pool.add(dynamic(A, 0, gwei(2), gwei(1), BigInteger.ONE, limit), TxOrigin.LOCAL))
        .isInstanceOf(AddResult.Added.class);
  }

  @Test
  void feesBelowTheBaseFeeAreRejectedWithTheTextOfTheirEnvelope() {
    BigInteger below = PoolTxs.GWEI.subtract(BigInteger.ONE);
    assertRejected(pool.add(dynamic(A, 0, below, BigInteger.ZERO), TxOrigin.LOCAL),
        RejectionReason.FEE_CAP_BELOW_BASE_FEE, "max fee per gas less than block base fee");
    assertRejected(pool.add(PoolTxs.legacy(A, 0, below), TxOrigin.LOCAL),
        RejectionReason.UNDERPRICED, "transaction underpriced");
    assertRejected(pool.add(PoolTxs.accessList(A, 0, below), TxOrigin.LOCAL),
        RejectionReason.UNDERPRICED, "transaction underpriced");
    assertThat(pool.add(dynamic(A, 0, PoolTxs.GWEI, BigInteger.ZERO), TxOrigin.LOCAL))
        .isInstanceOf(AddResult.Added.class);
  }

  @Test
  void nonceBelowTheAccountNonceIsTooLow() {
    state.withNonce(A.address(), 5);
    assertRejected(pool.add(dynamic(A, 4, gwei(2), gwei(1)), TxOrigin.LOCAL),
        RejectionReason.NONCE_TOO_LOW, "nonce too low");
    assertThat(pool.add(dynamic(A, 5, gwei(2), gwei(1)), TxOrigin.LOCAL).orThrow().pending())
        .isTrue();
  }

  @Test
  void nonceBeyondThePerSenderWindowIsTooHigh() {
    int window = MempoolConfig.DEFAULT_MAX_PER_SENDER;
    assertRejected(pool.add(dynamic(A, window, gwei(2), gwei(1)), TxOrigin.LOCAL),
        RejectionReason.NONCE_TOO_HIGH, "nonce too high");
    assertThat(pool.add(dynamic(A, window - 1, gwei(2), gwei(1)), TxOrigin.LOCAL).orThrow()
        .pending()).isFalse();
  }

  @Test
  void theBalanceMustCoverValuePlusGasTimesTheFeeCap() {
    Secp256k1.KeyPair c = key(2);
    SignedTransaction tx = dynamic(c, 0, gwei(3), gwei(1), BigInteger.valueOf(7), TRANSFER_GAS);
    BigInteger cost = BigInteger.valueOf(7).add(gwei(3).multiply(BigInteger.valueOf(21_000)));
    state.withBalance(c.address(), cost.subtract(BigInteger.ONE));
    assertRejected(pool.add(tx, TxOrigin.LOCAL), RejectionReason.INSUFFICIENT_FUNDS,
        "insufficient funds for gas * price + value");
    state.withBalance(c.address(), cost);
    assertThat(pool.add(tx, TxOrigin.LOCAL)).isInstanceOf(AddResult.Added.class);
  }

  @Test
  void theBalanceMustCoverEveryPooledTransactionOfTheSender() {
    Secp256k1.KeyPair c = key(2);
    BigInteger cost = BigInteger.ONE.add(gwei(2).multiply(BigInteger.valueOf(21_000)));
    state.withBalance(c.address(), cost.multiply(BigInteger.TWO));
    pool.add(dynamic(c, 0, gwei(2), gwei(1)), TxOrigin.LOCAL).orThrow();
    pool.add(dynamic(c, 2, gwei(2), gwei(1)), TxOrigin.LOCAL).orThrow();
    assertRejected(pool.add(dynamic(c, 1, gwei(2), gwei(1)), TxOrigin.LOCAL),
        RejectionReason.INSUFFICIENT_FUNDS, "insufficient funds for gas * price + value");
    // A replacement counts instead of the transaction it replaces, not on top of it.
    assertRejected(pool.add(dynamic(c, 2, gwei(3), gwei(2)), TxOrigin.LOCAL),
        RejectionReason.INSUFFICIENT_FUNDS, "insufficient funds for gas * price + value");
    pool.onCommit(List.of(),
        state.copy().withBalance(c.address(), cost.multiply(BigInteger.valueOf(3))), PoolTxs.GWEI);
    assertThat(pool.add(dynamic(c, 2, gwei(3), gwei(2)), TxOrigin.LOCAL).orThrow().replaced())
        .isPresent();
  }

  @Test
  void aReplacementNeedsBothFeesTenPercentHigher() {
    SignedTransaction original = dynamic(A, 0, gwei(100), gwei(10));
    pool.add(original, TxOrigin.LOCAL).orThrow();
    assertRejected(pool.add(dynamic(A, 0, gwei(109), gwei(11)), TxOrigin.LOCAL),
        RejectionReason.REPLACEMENT_UNDERPRICED, "replacement transaction underpriced");
    assertRejected(pool.add(dynamic(A, 0, gwei(110), new BigInteger("10900000000")),
        TxOrigin.LOCAL), RejectionReason.REPLACEMENT_UNDERPRICED,
        "replacement transaction underpriced");
    assertRejected(pool.add(dynamic(A, 0, gwei(200), gwei(10)), TxOrigin.LOCAL),
        RejectionReason.REPLACEMENT_UNDERPRICED, "replacement transaction underpriced");
    SignedTransaction bumped = dynamic(A, 0, gwei(110), gwei(11));
    assertThat(pool.add(bumped, TxOrigin.LOCAL))
        .isEqualTo(new AddResult.Added(bumped.hash(), true, Optional.of(original.hash())));
    assertThat(pool.contains(original.hash())).isFalse();
    assertThat(pool.size()).isEqualTo(1);
    assertThat(pool.pendingNonce(A.address())).isEqualTo(1);
    assertThat(pool.counters().replaced()).isEqualTo(1);
  }

  @Test
  void aLegacyReplacementNeedsATenPercentHigherGasPrice() {
    pool.add(PoolTxs.legacy(A, 0, gwei(100)), TxOrigin.LOCAL).orThrow();
    assertRejected(pool.add(PoolTxs.legacy(A, 0, gwei(109)), TxOrigin.LOCAL),
        RejectionReason.REPLACEMENT_UNDERPRICED, "replacement transaction underpriced");
    assertThat(pool.add(PoolTxs.legacy(A, 0, gwei(110)), TxOrigin.LOCAL).orThrow().replaced())
        .isPresent();
    // Across envelopes the gas price counts as both caps.
    assertThat(pool.add(dynamic(A, 0, gwei(121), gwei(121)), TxOrigin.LOCAL).orThrow()
        .replaced()).isPresent();
  }

  @Test
  void aZeroTipMustRiseToBeReplaced() {
    pool.add(dynamic(A, 0, gwei(100), BigInteger.ZERO), TxOrigin.LOCAL).orThrow();
    assertRejected(pool.add(dynamic(A, 0, gwei(200), BigInteger.ZERO), TxOrigin.LOCAL),
        RejectionReason.REPLACEMENT_UNDERPRICED, "replacement transaction underpriced");
    assertThat(pool.add(dynamic(A, 0, gwei(200), BigInteger.ONE), TxOrigin.LOCAL))
        .isInstanceOf(AddResult.Added.class);
  }

  @Test
  void batchesAreJudgedInOrder() {
    SignedTransaction first = dynamic(B, 0, gwei(2), gwei(1));
    List<AddResult> results = pool.addAll(
        List.of(first, first, dynamic(B, 1, gwei(2), gwei(1))), TxOrigin.LOCAL);
    assertThat(results.get(0)).isInstanceOf(AddResult.Added.class);
    assertRejected(results.get(1), RejectionReason.ALREADY_KNOWN, "already known");
    assertThat(results.get(2)).isInstanceOf(AddResult.Added.class);
    assertThat(pool.counters().rejectedTotal()).isEqualTo(1);
  }

  @Test
  void anUnknownSendersPendingNonceIsItsAccountNonce() {
    Address stranger = key(9).address();
    state.withNonce(stranger, 42);
    assertThat(pool.pendingNonce(stranger)).isEqualTo(42);
  }

  private static SignedTransaction signed(Secp256k1.KeyPair key, Transaction tx) {
    return TransactionSigner.sign(tx, key);
  }

  static void assertRejected(AddResult result, RejectionReason reason, String text) {
    assertThat(result).isInstanceOfSatisfying(AddResult.Rejected.class,
        r -> assertThat(r.reason()).isEqualTo(reason));
    assertThatThrownBy(result::orThrow).isInstanceOfSatisfying(TransactionRejectedException.class,
        e -> assertThat(e.reason()).isEqualTo(reason)).hasMessage(text);
  }
}
