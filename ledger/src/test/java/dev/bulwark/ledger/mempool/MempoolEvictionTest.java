package dev.bulwark.ledger.mempool;

import static dev.bulwark.ledger.mempool.MempoolAdmissionTest.assertRejected;
import static dev.bulwark.ledger.mempool.PoolTxs.ETHER;
import static dev.bulwark.ledger.mempool.PoolTxs.dynamic;
import static dev.bulwark.ledger.mempool.PoolTxs.gwei;
import static dev.bulwark.ledger.mempool.PoolTxs.key;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ledger.crypto.Secp256k1;
import dev.bulwark.ledger.tx.RejectionReason;
import dev.bulwark.ledger.tx.SignedTransaction;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The global bound: the cheapest sender tail makes room for a better-paying transaction. */
class MempoolEvictionTest {
  private static final Secp256k1.KeyPair A = key(0);
  private static final Secp256k1.KeyPair B = key(1);
  private static final Secp256k1.KeyPair C = key(2);
  private static final Secp256k1.KeyPair D = key(3);

  private FakeState state;

  @BeforeEach
  void setUp() {
    state = new FakeState();
    for (Secp256k1.KeyPair k : List.of(A, B, C, D)) {
      state.withBalance(k.address(), ETHER);
    }
  }

  /** A type-2 transfer whose effective tip at the 1 gwei base fee is {@code tipGwei}. */
  private static SignedTransaction tipping(Secp256k1.KeyPair key, long nonce, long tipGwei) {
    return dynamic(key, nonce, gwei(100), gwei(tipGwei));
  }

  @Test
  void aFullPoolEvictsTheCheapestForABetterPayingTransaction() {
    Mempool pool = PoolTxs.pool(MempoolConfig.defaults().withMaxSize(3), state);
    SignedTransaction a = tipping(A, 0, 1);
    SignedTransaction b = tipping(B, 0, 2);
    SignedTransaction c = tipping(C, 0, 3);
    pool.addAll(List.of(a, b, c), TxOrigin.LOCAL);
    assertRejected(pool.add(tipping(D, 0, 1), TxOrigin.LOCAL), RejectionReason.UNDERPRICED,
        "transaction underpriced");
    SignedTransaction d = tipping(D, 0, 4);
    assertThat(pool.add(d, TxOrigin.LOCAL)).isInstanceOf(AddResult.Added.class);
    assertThat(pool.size()).isEqualTo(3);
    assertThat(pool.contains(a.hash())).isFalse();
    assertThat(pool.contains(d.hash())).isTrue();
    assertThat(pool.counters().evicted()).isEqualTo(1);
  }

  @Test
  void theEffectiveTipAtTheBaseFeeDecides() {
    Mempool pool = PoolTxs.pool(MempoolConfig.defaults().withMaxSize(2), state);
    // A: tip 50 gwei but fee cap 3 gwei, so only 2 gwei above the 1 gwei base fee.
    SignedTransaction a = dynamic(A, 0, gwei(3), gwei(50));
    SignedTransaction b = tipping(B, 0, 5);
    pool.addAll(List.of(a, b), TxOrigin.LOCAL);
    assertThat(pool.add(tipping(C, 0, 3), TxOrigin.LOCAL)).isInstanceOf(AddResult.Added.class);
    assertThat(pool.contains(a.hash())).isFalse();
    assertThat(pool.contains(b.hash())).isTrue();
  }

  @Test
  void onlyTheTailOfASenderIsEvicted() {
    Mempool pool = PoolTxs.pool(MempoolConfig.defaults().withMaxSize(3), state);
    SignedTransaction a0 = tipping(A, 0, 1);
    SignedTransaction a1 = tipping(A, 1, 9);
    SignedTransaction b0 = tipping(B, 0, 3);
    pool.addAll(List.of(a0, a1, b0), TxOrigin.LOCAL);
    // a0 pays least, but evicting it would strand a1: B's tail goes instead.
    assertThat(pool.add(tipping(C, 0, 4), TxOrigin.LOCAL)).isInstanceOf(AddResult.Added.class);
    assertThat(pool.contains(a0.hash())).isTrue();
    assertThat(pool.contains(b0.hash())).isFalse();
    assertThat(pool.pendingNonce(A.address())).isEqualTo(2);
  }

  @Test
  void equalTipsEvictTheLatestArrivalAndANewcomerMustOutbid() {
    Mempool pool = PoolTxs.pool(MempoolConfig.defaults().withMaxSize(2), state);
    SignedTransaction a = tipping(A, 0, 2);
    SignedTransaction b = tipping(B, 0, 2);
    pool.addAll(List.of(a, b), TxOrigin.LOCAL);
    assertRejected(pool.add(tipping(C, 0, 2), TxOrigin.LOCAL), RejectionReason.UNDERPRICED,
        "transaction underpriced");
    assertThat(pool.add(tipping(C, 0, 3), TxOrigin.LOCAL)).isInstanceOf(AddResult.Added.class);
    assertThat(pool.contains(a.hash())).isTrue();
    assertThat(pool.contains(b.hash())).isFalse();
  }

  @Test
  void aSendersOwnLowerNonceIsNeverEvictedForItsHigherOne() {
    Mempool pool = PoolTxs.pool(MempoolConfig.defaults().withMaxSize(2), state);
    pool.addAll(List.of(tipping(A, 0, 1), tipping(B, 0, 20)), TxOrigin.LOCAL);
    assertRejected(pool.add(tipping(A, 1, 10), TxOrigin.LOCAL), RejectionReason.UNDERPRICED,
        "transaction underpriced");
    SignedTransaction a1 = tipping(A, 1, 30);
    assertThat(pool.add(a1, TxOrigin.LOCAL).orThrow().pending()).isTrue();
    assertThat(pool.pendingNonce(A.address())).isEqualTo(2);

    Mempool single = PoolTxs.pool(MempoolConfig.defaults().withMaxSize(1), state);
    single.add(tipping(A, 0, 1), TxOrigin.LOCAL).orThrow();
    assertRejected(single.add(tipping(A, 1, 50), TxOrigin.LOCAL), RejectionReason.TXPOOL_FULL,
        "txpool is full");
  }

  @Test
  void aGapFillerMayEvictItsOwnSendersHigherTail() {
    Mempool pool = PoolTxs.pool(MempoolConfig.defaults().withMaxSize(2), state);
    SignedTransaction a0 = tipping(A, 0, 5);
    SignedTransaction a2 = tipping(A, 2, 1);
    pool.addAll(List.of(a0, a2), TxOrigin.LOCAL);
    SignedTransaction a1 = tipping(A, 1, 3);
    assertThat(pool.add(a1, TxOrigin.LOCAL).orThrow().pending()).isTrue();
    assertThat(pool.contains(a2.hash())).isFalse();
    assertThat(pool.pendingNonce(A.address())).isEqualTo(2);
  }

  @Test
  void replacementsNeedNoRoomAndReRankTheTail() {
    Mempool pool = PoolTxs.pool(MempoolConfig.defaults().withMaxSize(2), state);
    SignedTransaction a = tipping(A, 0, 1);
    SignedTransaction b = tipping(B, 0, 2);
    pool.addAll(List.of(a, b), TxOrigin.LOCAL);
    SignedTransaction aBumped = dynamic(A, 0, gwei(200), gwei(10));
    assertThat(pool.add(aBumped, TxOrigin.LOCAL).orThrow().replaced()).contains(a.hash());
    assertThat(pool.add(tipping(C, 0, 3), TxOrigin.LOCAL)).isInstanceOf(AddResult.Added.class);
    assertThat(pool.contains(aBumped.hash())).isTrue();
    assertThat(pool.contains(b.hash())).isFalse();
  }

  @Test
  void aNewBaseFeeReRanksTheCandidates() {
    Mempool pool = PoolTxs.pool(MempoolConfig.defaults().withMaxSize(2), state);
    // At base fee 1 gwei: A tips 10, B tips 5. At 20 gwei: A (cap 21) tips 1, B (cap 100) 5.
    SignedTransaction a = dynamic(A, 0, gwei(21), gwei(10));
    SignedTransaction b = dynamic(B, 0, gwei(100), gwei(5));
    pool.addAll(List.of(a, b), TxOrigin.LOCAL);
    pool.onCommit(List.of(), state, gwei(20));
    assertThat(pool.add(dynamic(C, 0, gwei(100), gwei(3)), TxOrigin.LOCAL))
        .isInstanceOf(AddResult.Added.class);
    assertThat(pool.contains(a.hash())).isFalse();
    assertThat(pool.contains(b.hash())).isTrue();
    assertThat(pool.head().baseFee()).isEqualTo(gwei(20));
    assertThat(pool.head().blockGasLimit()).isEqualTo(PoolTxs.BLOCK_GAS_LIMIT);
  }
}
