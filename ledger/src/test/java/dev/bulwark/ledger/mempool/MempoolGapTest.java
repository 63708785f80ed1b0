package dev.bulwark.ledger.mempool;

import static dev.bulwark.ledger.mempool.PoolTxs.ETHER;
import static dev.bulwark.ledger.mempool.PoolTxs.dynamic;
import static dev.bulwark.ledger.mempool.PoolTxs.gwei;
import static dev.bulwark.ledger.mempool.PoolTxs.key;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ledger.crypto.Secp256k1;
import dev.bulwark.ledger.tx.RejectionReason;
import dev.bulwark.ledger.tx.SignedTransaction;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Nonce gaps, promotion, the per-sender bound and the new-transaction notifications. */
class MempoolGapTest {
  private static final Secp256k1.KeyPair A = key(0);
  private static final Secp256k1.KeyPair B = key(1);
  private static final Bytes PEER = Bytes.fromHex("c0ffee");

  private FakeState state;
  private Mempool pool;
  private final List<List<PooledTransaction>> batches = new ArrayList<>();

  @BeforeEach
  void setUp() {
    state = new FakeState().withBalance(A.address(), ETHER).withBalance(B.address(), ETHER);
    pool = PoolTxs.pool(MempoolConfig.defaults().withMaxPerSender(4), state);
    pool.addListener(batches::add);
  }

  @Test
  void aGappedTransactionIsHeldBackUntilTheGapFills() {
    SignedTransaction n0 = dynamic(A, 0, gwei(2), gwei(1));
    SignedTransaction n1 = dynamic(A, 1, gwei(2), gwei(1));
    SignedTransaction n2 = dynamic(A, 2, gwei(2), gwei(1));
    assertThat(pool.add(n0, TxOrigin.LOCAL).orThrow().pending()).isTrue();
    assertThat(pool.add(n2, TxOrigin.fromPeer(PEER)).orThrow().pending()).isFalse();
    assertThat(pool.pendingNonce(A.address())).isEqualTo(1);
    assertThat(hashes(pool.content().queued().get(A.address()))).containsExactly(n2.hash());
    assertThat(pool.selectForBlock(PoolTxs.BLOCK_GAS_LIMIT, PoolTxs.GWEI, 100))
        .containsExactly(n0);
    assertThat(batches).hasSize(1);
    assertThat(hashes(batches.get(0))).containsExactly(n0.hash());

    assertThat(pool.add(n1, TxOrigin.LOCAL).orThrow().pending()).isTrue();
    assertThat(pool.pendingNonce(A.address())).isEqualTo(3);
    assertThat(pool.content().queued()).isEmpty();
    assertThat(hashes(pool.content().pending().get(A.address())))
        .containsExactly(n0.hash(), n1.hash(), n2.hash());
    assertThat(hashes(batches.get(1))).containsExactly(n1.hash(), n2.hash());
    assertThat(batches.get(1).get(1).origin().isFrom(PEER)).isTrue();
    assertThat(pool.selectForBlock(PoolTxs.BLOCK_GAS_LIMIT, PoolTxs.GWEI, 100))
        .containsExactly(n0, n1, n2);
  }

  @Test
  void aTransactionIsAnnouncedOnceAndAReplacementIsAnnouncedAgain() {
    SignedTransaction tx = dynamic(A, 0, gwei(2), gwei(1));
    pool.add(tx, TxOrigin.fromPeer(PEER));
    pool.add(tx, TxOrigin.LOCAL);
    pool.onCommit(List.of(), state, PoolTxs.GWEI);
    assertThat(batches).hasSize(1);
    SignedTransaction bumped = dynamic(A, 0, gwei(3), gwei(2));
    pool.add(bumped, TxOrigin.LOCAL).orThrow();
    assertThat(batches).hasSize(2);
    assertThat(hashes(batches.get(1))).containsExactly(bumped.hash());
    assertThat(batches.get(1).get(0).origin().isLocal()).isTrue();
  }

  @Test
  void queuedTransactionsAreNotAnnouncedUntilTheyBecomeExecutable() {
    SignedTransaction n1 = dynamic(A, 1, gwei(2), gwei(1));
    pool.add(n1, TxOrigin.LOCAL).orThrow();
    assertThat(batches).isEmpty();
    // A transaction from another node's pool took nonce 0: n1 is now executable.
    pool.onCommit(List.of(), state.copy().withNonce(A.address(), 1), PoolTxs.GWEI);
    assertThat(batches).hasSize(1);
    assertThat(hashes(batches.get(0))).containsExactly(n1.hash());
    assertThat(pool.pendingNonce(A.address())).isEqualTo(2);
  }

  @Test
  void aSenderHoldsAtMostItsBoundAndTheWindowSlidesOnCommit() {
    List<SignedTransaction> txs = new ArrayList<>();
    for (int nonce = 0; nonce < 5; nonce++) {
      txs.add(dynamic(A, nonce, gwei(2), gwei(1)));
    }
    for (int nonce = 0; nonce < 4; nonce++) {
      pool.add(txs.get(nonce), TxOrigin.LOCAL).orThrow();
    }
    MempoolAdmissionTest.assertRejected(pool.add(txs.get(4), TxOrigin.LOCAL),
        RejectionReason.NONCE_TOO_HIGH, "nonce too high");
    assertThat(pool.add(dynamic(B, 0, gwei(2), gwei(1)), TxOrigin.LOCAL))
        .isInstanceOf(AddResult.Added.class);
    pool.onCommit(List.of(txs.get(0).hash()), state.copy().withNonce(A.address(), 1),
        PoolTxs.GWEI);
    assertThat(pool.add(txs.get(4), TxOrigin.LOCAL).orThrow().pending()).isTrue();
    assertThat(pool.content().pending().get(A.address())).hasSize(4);
    assertThat(pool.pendingNonce(A.address())).isEqualTo(5);
  }

  @Test
  void listenersCanBeRemoved() {
    pool.removeListener(batches::add);
    List<List<PooledTransaction>> other = new ArrayList<>();
    MempoolListener listener = other::add;
    pool.addListener(listener);
    pool.removeListener(listener);
    pool.add(dynamic(B, 0, gwei(2), gwei(1)), TxOrigin.LOCAL).orThrow();
    assertThat(other).isEmpty();
  }

  static List<Hash> hashes(List<PooledTransaction> txs) {
    return txs.stream().map(PooledTransaction::hash).toList();
  }
}
