package dev.bulwark.ledger.mempool;

import static dev.bulwark.ledger.mempool.PoolTxs.TRANSFER_GAS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ledger.crypto.Secp256k1;
import dev.bulwark.ledger.tx.RejectionReason;
import dev.bulwark.ledger.tx.SignedTransaction;
import dev.bulwark.ledger.tx.Transaction;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded random add/commit sequences. With room for everything the pool must agree exactly with
 * {@link ReferencePool}; with a small bound (eviction at work) its invariants must hold.
 */
class MempoolModelTest {
  private static final int SENDERS = 6;
  private static final int NONCES = 9;
  private static final int WINDOW = 6;
  private static final int OPS = 3_000;
  /** Fee caps in units of 0.1 gwei: +9%, +10%, +21% over the first, and one cheap variant. */
  private static final long[] CAPS = {1_000, 1_090, 1_100, 1_210, 30};
  private static final BigInteger[] BASE_FEES = {PoolTxs.gwei(1), PoolTxs.gwei(2),
      PoolTxs.gwei(5)};
  private static final BigInteger TENTH_GWEI = BigInteger.TEN.pow(8);

  private static final List<Secp256k1.KeyPair> KEYS = new ArrayList<>();
  /** TXS[sender][nonce][variant], signed once for the class. */
  private static SignedTransaction[][][] txs;

  @BeforeAll
  static void signAll() {
    txs = new SignedTransaction[SENDERS][NONCES][CAPS.length];
    for (int s = 0; s < SENDERS; s++) {
      Secp256k1.KeyPair key = PoolTxs.key(100 + s);
      KEYS.add(key);
      for (int n = 0; n < NONCES; n++) {
        for (int v = 0; v < CAPS.length; v++) {
          BigInteger cap = TENTH_GWEI.multiply(BigInteger.valueOf(CAPS[v]));
          BigInteger tip = v == CAPS.length - 1 ? PoolTxs.GWEI : cap.divide(BigInteger.TEN);
          txs[s][n][v] = PoolTxs.dynamic(key, n, cap, tip);
        }
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void agreesWithTheReferenceWhenNothingIsEvicted(long seed) {
    run(seed, new MempoolConfig(10_000, WINDOW, MempoolConfig.DEFAULT_MAX_TX_BYTES, 10), true);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {4, 5, 6})
  void keepsItsInvariantsWhileEvicting(long seed) {
    run(seed, new MempoolConfig(10, WINDOW, MempoolConfig.DEFAULT_MAX_TX_BYTES, 10), false);
  }

  private void run(long seed, MempoolConfig config, boolean exact) {
    Random random = new Random(seed);
    FakeState state = freshState(random);
    BigInteger baseFee = BASE_FEES[0];
    Mempool pool = new Mempool(config, PoolTxs.RULES,
        new PoolHead(state, baseFee, PoolTxs.BLOCK_GAS_LIMIT));
    ReferencePool model = new ReferencePool(WINDOW, 10);
    Set<RejectionReason> seenReasons = EnumSet.noneOf(RejectionReason.class);
    long evicted = 0;
    int episodes = 1;
    for (int op = 0; op < OPS; op++) {
      String context = "seed " + seed + " episode " + episodes + " op " + op;
      if (random.nextInt(10) < 8) {
        int s = random.nextInt(SENDERS);
        long nonce = state.nonce(KEYS.get(s).address()) + random.nextInt(WINDOW + 2) - 1;
        SignedTransaction tx =
            txs[s][(int) Math.max(0, Math.min(NONCES - 1, nonce))][random.nextInt(CAPS.length)];
        AddResult result = pool.add(tx, TxOrigin.LOCAL);
        if (result instanceof AddResult.Rejected r) {
          seenReasons.add(r.reason());
        }
        if (exact) {
          RejectionReason expected = model.judge(tx, state, baseFee);
          assertThat(result instanceof AddResult.Rejected r ? r.reason() : null)
              .as("%s: outcome of %s", context, tx).isEqualTo(expected);
          if (expected == null) {
            model.admit(tx);
          }
        }
      } else {
        Committed block = commitBlock(pool, state, baseFee, random, context);
        baseFee = BASE_FEES[random.nextInt(BASE_FEES.length)];
        pool.onCommit(block.included(), block.state(), baseFee);
        if (exact) {
          model.commit(block.included(), block.state());
        }
        state = block.state();
      }
      PoolInvariants.check(pool, state, context);
      if (exact) {
        assertThat(hashes(pool)).as("%s: pool content", context).isEqualTo(model.hashes());
      }
      if (exhausted(state)) {
        // Every sender used up its pre-signed nonces: start a new chain and pool.
        evicted += pool.counters().evicted();
        episodes++;
        state = freshState(random);
        baseFee = BASE_FEES[0];
        pool = new Mempool(config, PoolTxs.RULES,
            new PoolHead(state, baseFee, PoolTxs.BLOCK_GAS_LIMIT));
        model = new ReferencePool(WINDOW, 10);
      }
    }
    evicted += pool.counters().evicted();
    assertThat(episodes).as("episodes").isGreaterThan(1);
    assertThat(seenReasons).as("rejections exercised").contains(RejectionReason.ALREADY_KNOWN,
        RejectionReason.NONCE_TOO_LOW, RejectionReason.NONCE_TOO_HIGH,
        RejectionReason.REPLACEMENT_UNDERPRICED, RejectionReason.FEE_CAP_BELOW_BASE_FEE,
        RejectionReason.INSUFFICIENT_FUNDS);
    if (!exact) {
      assertThat(evicted).as("evictions").isPositive();
    }
  }

  private static FakeState freshState(Random random) {
    FakeState state = new FakeState();
    for (Secp256k1.KeyPair key : KEYS) {
      state.withBalance(key.address(), randomBalance(random));
    }
    return state;
  }

  private static boolean exhausted(FakeState state) {
    return KEYS.stream().allMatch(k -> state.nonce(k.address()) >= NONCES - 1);
  }

  /** A block's hashes and the state after it. */
  private record Committed(Set<Hash> included, FakeState state) {}

  /** Selects and checks a block, executes it (and some foreign activity) on a copy of state. */
  private static Committed commitBlock(Mempool pool, FakeState state, BigInteger baseFee, Random random,
      String context) {
    long gasLimit = TRANSFER_GAS * random.nextInt(9);
    int maxCount = random.nextInt(8);
    List<SignedTransaction> block = pool.selectForBlock(gasLimit, baseFee, maxCount);
    PoolInvariants.checkBlock(block, pool, state, gasLimit, baseFee, maxCount, context);
    PoolInvariants.checkNothingLeftOut(block, pool, gasLimit, baseFee, maxCount, context);
    FakeState next = state.copy();
    for (SignedTransaction tx : block) {
      Transaction t = tx.transaction();
      Address sender = tx.sender().orElseThrow();
      BigInteger price = t.maxFeePerGas().min(baseFee.add(t.maxPriorityFeePerGas()));
      BigInteger paid = t.value().add(price.multiply(BigInteger.valueOf(t.gasLimit())));
      assertThat(next.balance(sender)).as("%s: block tx payable", context)
          .isGreaterThanOrEqualTo(paid);
      next.withNonce(sender, next.nonce(sender) + 1)
          .withBalance(sender, next.balance(sender).subtract(paid));
    }
    Address other = KEYS.get(random.nextInt(SENDERS)).address();
    int foreign = random.nextInt(10);
    if (foreign == 0) {
      next.withNonce(other, next.nonce(other) + 1 + random.nextInt(2))
          .withBalance(other, next.balance(other).shiftRight(1));
    } else if (foreign == 1) {
      next.withBalance(other, next.balance(other).add(randomBalance(random)));
    }
    return new Committed(
        block.stream().map(SignedTransaction::hash).collect(Collectors.toSet()), next);
  }

  private static BigInteger randomBalance(Random random) {
    BigInteger unit = TENTH_GWEI.multiply(BigInteger.valueOf(CAPS[0] * TRANSFER_GAS));
    return unit.multiply(BigInteger.valueOf(2 + random.nextInt(8)));
  }

  private static Set<Hash> hashes(Mempool pool) {
    PoolContent content = pool.content();
    Set<Hash> out = new HashSet<>();
    content.pending().values().forEach(l -> l.forEach(p -> out.add(p.hash())));
    content.queued().values().forEach(l -> l.forEach(p -> out.add(p.hash())));
    return out;
  }
}
