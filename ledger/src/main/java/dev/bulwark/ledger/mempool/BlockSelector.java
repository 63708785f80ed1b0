package dev.bulwark.ledger.mempool;

import dev.bulwark.ledger.tx.SignedTransaction;
import dev.bulwark.ledger.tx.Transaction;
import dev.bulwark.ledger.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Picks a block's transactions from the pending runs: a heap of each sender's next transaction,
 * highest effective tip first (earliest arrival among equals), so every sender's transactions
 * come out in nonce order. A sender whose next transaction cannot be included (fee cap below the
 * base fee, or more gas than is left) is dropped for this block, since its later nonces depend on
 * it.
 */
final class BlockSelector {
  private static final Comparator<Cursor> BEST_FIRST =
      Comparator.comparing(Cursor::tip, Comparator.reverseOrder())
          .thenComparingLong(c -> c.current().arrival());

  private BlockSelector() {}

  /**
   * Transactions for a block with {@code gasLimit} and {@code baseFee}, at most {@code maxCount};
   * entries in {@code alreadyProposed} (in an uncommitted ancestor block) are passed over as if
   * already executed.
   */
  static List<SignedTransaction> select(Collection<SenderQueue> queues, long gasLimit,
      BigInteger baseFee, int maxCount, Set<Hash> alreadyProposed) {
    PriorityQueue<Cursor> heads = new PriorityQueue<>(BEST_FIRST);
    for (SenderQueue queue : queues) {
      Cursor cursor = new Cursor(queue.pending(), baseFee, alreadyProposed);
      if (cursor.hasCurrent()) {
        heads.add(cursor);
      }
    }
    List<SignedTransaction> out = new ArrayList<>();
    long gasLeft = gasLimit;
    while (!heads.isEmpty() && out.size() < maxCount) {
      Cursor cursor = heads.poll();
      Transaction tx = cursor.current().transaction();
      if (tx.maxFeePerGas().compareTo(baseFee) < 0
          || Long.compareUnsigned(tx.gasLimit(), gasLeft) > 0) {
        continue;
      }
      out.add(cursor.current().pooled().tx());
      gasLeft -= tx.gasLimit();
      cursor.advance();
      if (cursor.hasCurrent()) {
        heads.add(cursor);
      }
    }
    return out;
  }

  /** A position in one sender's pending run, with the tip of the transaction it points at. */
  private static final class Cursor {
    private final List<PoolEntry> run;
    private final BigInteger baseFee;
    private final Set<Hash> skip;
    private int index = -1;
    private BigInteger tip;

    Cursor(List<PoolEntry> run, BigInteger baseFee, Set<Hash> skip) {
      this.run = run;
      this.baseFee = baseFee;
      this.skip = skip;
      advance();
    }

    boolean hasCurrent() {
      return index < run.size();
    }

    PoolEntry current() {
      return run.get(index);
    }

    BigInteger tip() {
      return tip;
    }

    void advance() {
      index++;
      while (index < run.size() && skip.contains(run.get(index).hash())) {
        index++;
      }
      tip = hasCurrent() ? Fees.effectiveTip(current().transaction(), baseFee) : null;
    }
  }
}
