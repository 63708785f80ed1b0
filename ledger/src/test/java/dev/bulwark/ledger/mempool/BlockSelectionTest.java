package dev.bulwark.ledger.mempool;

import static dev.bulwark.ledger.mempool.PoolTxs.ETHER;
import static dev.bulwark.ledger.mempool.PoolTxs.TRANSFER_GAS;
import static dev.bulwark.ledger.mempool.PoolTxs.dynamic;
import static dev.bulwark.ledger.mempool.PoolTxs.gwei;
import static dev.bulwark.ledger.mempool.PoolTxs.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.ledger.crypto.Secp256k1;
import dev.bulwark.ledger.tx.SignedTransaction;
import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Block payload selection: nonce order per sender, tip order across senders, the bounds. */
class BlockSelectionTest {
  private static final Secp256k1.KeyPair A = key(0);
  private static final Secp256k1.KeyPair B = key(1);
  private static final Secp256k1.KeyPair C = key(2);
  private static final long LIMIT = PoolTxs.BLOCK_GAS_LIMIT;

  private Mempool pool;

  @BeforeEach
  void setUp() {
    FakeState state = new FakeState();
    for (Secp256k1.KeyPair k : List.of(A, B, C)) {
      state.withBalance(k.address(), ETHER);
    }
    pool = PoolTxs.pool(MempoolConfig.defaults(), state);
  }

  private SignedTransaction add(SignedTransaction tx) {
    pool.add(tx, TxOrigin.LOCAL).orThrow();
    return tx;
  }

  @Test
  void sendersInterleaveByTipWhileEachKeepsNonceOrder() {
    SignedTransaction a0 = add(dynamic(A, 0, gwei(100), gwei(1)));
    SignedTransaction a1 = add(dynamic(A, 1, gwei(100), gwei(9)));
    SignedTransaction b0 = add(dynamic(B, 0, gwei(100), gwei(5)));
    SignedTransaction c0 = add(dynamic(C, 0, gwei(100), gwei(3)));
    assertThat(pool.selectForBlock(LIMIT, PoolTxs.GWEI, 100)).containsExactly(b0, c0, a0, a1);
  }

  @Test
  void equalTipsGoInArrivalOrder() {
    SignedTransaction c0 = add(dynamic(C, 0, gwei(100), gwei(2)));
    SignedTransaction a0 = add(dynamic(A, 0, gwei(100), gwei(2)));
    SignedTransaction b0 = add(dynamic(B, 0, gwei(100), gwei(2)));
    assertThat(pool.selectForBlock(LIMIT, PoolTxs.GWEI, 100)).containsExactly(c0, a0, b0);
  }

  @Test
  void theEffectiveTipDependsOnTheBlocksBaseFee() {
    SignedTransaction a0 = add(dynamic(A, 0, gwei(12), gwei(10)));
    SignedTransaction b0 = add(dynamic(B, 0, gwei(100), gwei(5)));
    assertThat(pool.selectForBlock(LIMIT, PoolTxs.GWEI, 100)).containsExactly(a0, b0);
    assertThat(pool.selectForBlock(LIMIT, gwei(8), 100)).containsExactly(b0, a0);
  }

  @Test
  void aSenderWhoseFeeCapIsBelowTheBaseFeeIsLeftOut() {
    SignedTransaction a0 = add(dynamic(A, 0, gwei(2), gwei(1)));
    add(dynamic(A, 1, gwei(100), gwei(50)));
    SignedTransaction b0 = add(dynamic(B, 0, gwei(100), gwei(1)));
    assertThat(pool.selectForBlock(LIMIT, gwei(3), 100)).containsExactly(b0);
    assertThat(pool.selectForBlock(LIMIT, PoolTxs.GWEI, 100)).startsWith(a0).hasSize(3);
  }

  @Test
  void theGasLimitAndCountBoundTheBlock() {
    SignedTransaction a0 = add(dynamic(A, 0, gwei(100), gwei(9), BigInteger.ONE, 70_000));
    SignedTransaction a1 = add(dynamic(A, 1, gwei(100), gwei(9)));
    SignedTransaction b0 = add(dynamic(B, 0, gwei(100), gwei(5)));
    SignedTransaction b1 = add(dynamic(B, 1, gwei(100), gwei(5)));
    SignedTransaction c0 = add(dynamic(C, 0, gwei(100), gwei(1)));
    // 70k + 21k + 21k fill the block exactly; b1 and c0 no longer fit.
    assertThat(pool.selectForBlock(70_000 + 2 * TRANSFER_GAS, gwei(1), 100))
        .containsExactly(a0, a1, b0);
    // a0 does not fit, which leaves A out; the others still fill the block.
    assertThat(pool.selectForBlock(3 * TRANSFER_GAS, gwei(1), 100)).containsExactly(b0, b1, c0);
    assertThat(pool.selectForBlock(LIMIT, gwei(1), 2)).containsExactly(a0, a1);
    assertThat(pool.selectForBlock(LIMIT, gwei(1), 0)).isEmpty();
    assertThat(pool.selectForBlock(TRANSFER_GAS - 1, gwei(1), 100)).isEmpty();
  }

  @Test
  void transactionsInAnUncommittedAncestorArePassedOver() {
    SignedTransaction a0 = add(dynamic(A, 0, gwei(100), gwei(5)));
    SignedTransaction a1 = add(dynamic(A, 1, gwei(100), gwei(5)));
    SignedTransaction b0 = add(dynamic(B, 0, gwei(100), gwei(1)));
    assertThat(pool.selectForBlock(LIMIT, gwei(1), 100, Set.of(a0.hash(), b0.hash())))
        .containsExactly(a1);
    assertThat(pool.size()).isEqualTo(3);
  }

  @Test
  void queuedTransactionsAreNotSelected() {
    add(dynamic(A, 1, gwei(100), gwei(5)));
    assertThat(pool.selectForBlock(LIMIT, gwei(1), 100)).isEmpty();
  }

  @Test
  void badBoundsAreRefused() {
    assertThatThrownBy(() -> pool.selectForBlock(-1, gwei(1), 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> pool.selectForBlock(LIMIT, BigInteger.ONE.negate(), 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> pool.selectForBlock(LIMIT, gwei(1), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
