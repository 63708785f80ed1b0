package dev.bulwark.ledger.mempool;

import static dev.bulwark.ledger.mempool.PoolTxs.ETHER;
import static dev.bulwark.ledger.mempool.PoolTxs.TRANSFER_GAS;
import static dev.bulwark.ledger.mempool.PoolTxs.dynamic;
import static dev.bulwark.ledger.mempool.PoolTxs.gwei;
import static dev.bulwark.ledger.mempool.PoolTxs.key;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ledger.crypto.Secp256k1;
import dev.bulwark.ledger.tx.RejectionReason;
import dev.bulwark.ledger.tx.SignedTransaction;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a commit removes, what it keeps, and what it promotes. */
class MempoolCommitTest {
  private static final Secp256k1.KeyPair A = key(0);
  private static final Secp256k1.KeyPair B = key(1);
  private static final BigInteger COST = BigInteger.ONE.add(gwei(2).multiply(
      BigInteger.valueOf(TRANSFER_GAS)));

  private FakeState state;
  private Mempool pool;

  @BeforeEach
  void setUp() {
    state = new FakeState().withBalance(A.address(), ETHER).withBalance(B.address(), ETHER);
    pool = PoolTxs.pool(MempoolConfig.defaults(), state);
  }

  private SignedTransaction add(SignedTransaction tx) {
    pool.add(tx, TxOrigin.LOCAL).orThrow();
    return tx;
  }

  @Test
  void includedTransactionsLeaveAndTheRestStay() {
    SignedTransaction a0 = add(dynamic(A, 0, gwei(2), gwei(1)));
    SignedTransaction a1 = add(dynamic(A, 1, gwei(2), gwei(1)));
    SignedTransaction b0 = add(dynamic(B, 0, gwei(2), gwei(1)));
    pool.onCommit(List.of(a0.hash(), b0.hash()),
        state.copy().withNonce(A.address(), 1).withNonce(B.address(), 1), PoolTxs.GWEI);
    assertThat(pool.size()).isEqualTo(1);
    assertThat(pool.contains(a1.hash())).isTrue();
    assertThat(pool.pendingNonce(A.address())).isEqualTo(2);
    assertThat(pool.pendingNonce(B.address())).isEqualTo(1);
    assertThat(pool.selectForBlock(PoolTxs.BLOCK_GAS_LIMIT, PoolTxs.GWEI, 10))
        .containsExactly(a1);
    assertThat(pool.counters().included()).isEqualTo(2);
    assertThat(pool.counters().invalidated()).isZero();
  }

  @Test
  void transactionsWhoseNonceIsNowTooLowAreDropped() {
    // Another node's transactions used nonces 0 and 1 of A.
    SignedTransaction a0 = add(dynamic(A, 0, gwei(2), gwei(1)));
    SignedTransaction a1 = add(dynamic(A, 1, gwei(2), gwei(1)));
    SignedTransaction a3 = add(dynamic(A, 3, gwei(2), gwei(1)));
    pool.onCommit(List.of(), state.copy().withNonce(A.address(), 2), PoolTxs.GWEI);
    assertThat(pool.contains(a0.hash())).isFalse();
    assertThat(pool.contains(a1.hash())).isFalse();
    assertThat(pool.contains(a3.hash())).isTrue();
    assertThat(pool.content().queued().get(A.address())).hasSize(1);
    assertThat(pool.pendingNonce(A.address())).isEqualTo(2);
    assertThat(pool.counters().invalidated()).isEqualTo(2);
  }

  @Test
  void whatTheBalanceCanNoLongerPayIsCutFromTheFirstUnpaidNonce() {
    SignedTransaction a0 = add(dynamic(A, 0, gwei(2), gwei(1)));
    SignedTransaction a1 = add(dynamic(A, 1, gwei(2), gwei(1)));
    SignedTransaction a2 = add(dynamic(A, 2, gwei(2), gwei(1)));
    pool.onCommit(List.of(), state.copy().withBalance(A.address(),
        COST.multiply(BigInteger.TWO).add(COST.subtract(BigInteger.ONE))), PoolTxs.GWEI);
    assertThat(pool.contains(a0.hash())).isTrue();
    assertThat(pool.contains(a1.hash())).isTrue();
    assertThat(pool.contains(a2.hash())).isFalse();
    pool.onCommit(List.of(), state.copy().withBalance(A.address(), COST.subtract(BigInteger.ONE)),
        PoolTxs.GWEI);
    assertThat(pool.size()).isZero();
    assertThat(pool.content().pending()).isEmpty();
    assertThat(pool.pendingNonce(A.address())).isZero();
  }

  @Test
  void aLowerBlockGasLimitDropsWhatNoLongerFits() {
    SignedTransaction big = add(dynamic(A, 0, gwei(2), gwei(1), BigInteger.ONE, 100_000));
    SignedTransaction small = add(dynamic(B, 0, gwei(2), gwei(1)));
    pool.onCommit(List.of(), new PoolHead(state, PoolTxs.GWEI, 50_000));
    assertThat(pool.contains(big.hash())).isFalse();
    assertThat(pool.contains(small.hash())).isTrue();
  }

  @Test
  void feeCapsBelowANewBaseFeeStayButWaitForACheaperBlock() {
    SignedTransaction a0 = add(dynamic(A, 0, gwei(2), gwei(1)));
    pool.onCommit(List.of(), state, gwei(5));
    assertThat(pool.contains(a0.hash())).isTrue();
    assertThat(pool.selectForBlock(PoolTxs.BLOCK_GAS_LIMIT, gwei(5), 10)).isEmpty();
    assertThat(pool.selectForBlock(PoolTxs.BLOCK_GAS_LIMIT, gwei(2), 10)).containsExactly(a0);
    MempoolAdmissionTest.assertRejected(pool.add(dynamic(B, 0, gwei(4), gwei(1)),
        TxOrigin.LOCAL), RejectionReason.FEE_CAP_BELOW_BASE_FEE,
        "max fee per gas less than block base fee");
  }

  @Test
  void unknownIncludedHashesAreIgnored() {
    SignedTransaction a0 = add(dynamic(A, 0, gwei(2), gwei(1)));
    SignedTransaction elsewhere = dynamic(B, 0, gwei(2), gwei(1));
    pool.onCommit(List.of(elsewhere.hash()), state.copy().withNonce(B.address(), 1),
        PoolTxs.GWEI);
    assertThat(pool.contains(a0.hash())).isTrue();
    assertThat(pool.counters().included()).isZero();
    MempoolAdmissionTest.assertRejected(pool.add(elsewhere, TxOrigin.LOCAL),
        RejectionReason.NONCE_TOO_LOW, "nonce too low");
  }
}
