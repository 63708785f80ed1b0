package dev.bulwark.ledger.mempool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ledger.tx.SignedTransaction;
import dev.bulwark.ledger.tx.Transaction;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Hash;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The pool's invariants against the state it was last committed with; shared by the fuzz tests. */
final class PoolInvariants {
  private PoolInvariants() {}

  /**
   * No duplicates; the bounds; every sender's pending run contiguous from its account nonce and
   * its queued ones behind a gap, all inside the nonce window and payable together.
   */
  static void check(Mempool pool, AccountStateView state, String context) {
    MempoolConfig config = pool.config();
    PoolContent content = pool.content();
    Set<Hash> seen = new HashSet<>();
    Set<Address> senders = new TreeSet<>(content.pending().keySet());
    senders.addAll(content.queued().keySet());
    for (Address sender : senders) {
      List<PooledTransaction> pending = content.pending().getOrDefault(sender, List.of());
      List<PooledTransaction> queued = content.queued().getOrDefault(sender, List.of());
      long accountNonce = state.nonce(sender);
      BigInteger spent = BigInteger.ZERO;
      for (int i = 0; i < pending.size(); i++) {
        assertThat(pending.get(i).nonce()).as("%s: pending nonce of %s", context, sender)
            .isEqualTo(accountNonce + i);
      }
      long floor = accountNonce + pending.size();
      for (PooledTransaction q : queued) {
        assertThat(q.nonce()).as("%s: queued nonce of %s behind a gap", context, sender)
            .isGreaterThan(floor);
        floor = q.nonce();
      }
      assertThat(pending.size() + queued.size()).as("%s: per-sender bound", context)
          .isLessThanOrEqualTo(config.maxPerSender());
      for (PooledTransaction p : concat(pending, queued)) {
        assertThat(p.sender()).isEqualTo(sender);
        assertThat(p.nonce()).as("%s: nonce window", context)
            .isLessThan(accountNonce + config.maxPerSender());
        assertThat(seen.add(p.hash())).as("%s: duplicate %s", context, p.hash()).isTrue();
        assertThat(pool.getByHash(p.hash())).contains(p);
        spent = spent.add(Fees.maxCost(p.tx().transaction()));
      }
      assertThat(spent).as("%s: %s's pooled costs within its balance", context, sender)
          .isLessThanOrEqualTo(state.balance(sender));
      assertThat(pool.pendingNonce(sender)).as("%s: pending nonce", context)
          .isEqualTo(accountNonce + pending.size());
    }
    assertThat(seen).as("%s: size", context).hasSize(pool.size());
    assertThat(pool.size()).as("%s: global bound", context)
        .isLessThanOrEqualTo(config.maxSize());
  }

  /**
   * A selected block is valid: bounds respected, each sender's transactions pooled and in nonce
   * order from its account nonce.
   */
  static void checkBlock(List<SignedTransaction> block, Mempool pool, AccountStateView state,
      long gasLimit, BigInteger baseFee, int maxCount, String context) {
    assertThat(block.size()).as("%s: block count", context).isLessThanOrEqualTo(maxCount);
    long gas = 0;
    Map<Address, Long> next = new HashMap<>();
    for (SignedTransaction tx : block) {
      Transaction t = tx.transaction();
      Address sender = tx.sender().orElseThrow();
      long expected = next.getOrDefault(sender, state.nonce(sender));
      assertThat(t.nonce()).as("%s: block nonce order of %s", context, sender)
          .isEqualTo(expected);
      next.put(sender, expected + 1);
      assertThat(t.maxFeePerGas()).as("%s: fee cap", context).isGreaterThanOrEqualTo(baseFee);
      assertThat(pool.contains(tx.hash())).isTrue();
      gas += t.gasLimit();
    }
    assertThat(gas).as("%s: block gas", context).isLessThanOrEqualTo(gasLimit);
  }

  /** An empty block means no sender's next transaction was includable (single-threaded use). */
  static void checkNothingLeftOut(List<SignedTransaction> block, Mempool pool, long gasLimit,
      BigInteger baseFee, int maxCount, String context) {
    if (block.isEmpty() && maxCount > 0) {
      for (List<PooledTransaction> run : pool.content().pending().values()) {
        Transaction head = run.get(0).tx().transaction();
        assertThat(head.maxFeePerGas().compareTo(baseFee) < 0 || head.gasLimit() > gasLimit)
            .as("%s: an includable transaction was left out", context).isTrue();
      }
    }
  }

  private static List<PooledTransaction> concat(List<PooledTransaction> a,
      List<PooledTransaction> b) {
    return Stream.concat(a.stream(), b.stream()).toList();
  }
}
