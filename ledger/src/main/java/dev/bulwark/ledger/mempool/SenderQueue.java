package dev.bulwark.ledger.mempool;

import dev.bulwark.ledger.types.Address;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One sender's pooled transactions by nonce, with the account nonce and balance of the head
 * state. The pending part is the run of consecutive nonces starting at the account nonce; the rest
 * is queued behind a gap. Invariants kept by the pool: every nonce is at least the account nonce,
 * and the summed max cost of all entries is within the balance. Not thread-safe: the pool's lock
 * guards it.
 */
final class SenderQueue {
  private final Address sender;
  private final NavigableMap<Long, PoolEntry> byNonce = new TreeMap<>(Long::compareUnsigned);
  private long accountNonce;
  private BigInteger balance;
  private BigInteger totalCost = BigInteger.ZERO;

  SenderQueue(Address sender, long accountNonce, BigInteger balance) {
    this.sender = sender;
    this.accountNonce = accountNonce;
    this.balance = balance;
  }

  Address sender() {
    return sender;
  }

  long accountNonce() {
    return accountNonce;
  }

  BigInteger balance() {
    return balance;
  }

  /** The summed max cost of every pooled transaction of this sender. */
  BigInteger totalCost() {
    return totalCost;
  }

  int size() {
    return byNonce.size();
  }

  boolean isEmpty() {
    return byNonce.isEmpty();
  }

  PoolEntry get(long nonce) {
    return byNonce.get(nonce);
  }

  /** The entry with the highest nonce, or null when empty: the only one the pool may evict. */
  PoolEntry tail() {
    Map.Entry<Long, PoolEntry> last = byNonce.lastEntry();
    return last == null ? null : last.getValue();
  }

  /** Adds {@code entry}, returning the same-nonce entry it replaces, or null. */
  PoolEntry put(PoolEntry entry) {
    PoolEntry old = byNonce.put(entry.nonce(), entry);
    totalCost = totalCost.add(entry.maxCost());
    if (old != null) {
      totalCost = totalCost.subtract(old.maxCost());
    }
    return old;
  }

  /** Removes {@code entry} if it is the one pooled at its nonce; true when removed. */
  boolean remove(PoolEntry entry) {
    if (!byNonce.remove(entry.nonce(), entry)) {
      return false;
    }
    totalCost = totalCost.subtract(entry.maxCost());
    return true;
  }

  /** All entries in nonce order. */
  Collection<PoolEntry> all() {
    return byNonce.values();
  }

  /** The executable entries: consecutive nonces from the account nonce, in order. */
  List<PoolEntry> pending() {
    List<PoolEntry> run = new ArrayList<>();
    long expected = accountNonce;
    for (PoolEntry e : byNonce.tailMap(accountNonce, true).values()) {
      if (e.nonce() != expected) {
        break;
      }
      run.add(e);
      expected++;
    }
    return run;
  }

  /** The entries held behind a nonce gap, in nonce order. */
  List<PoolEntry> queued() {
    List<PoolEntry> all = new ArrayList<>(byNonce.values());
    return all.subList(pending().size(), all.size());
  }

  /** The next nonce this sender can use: the account nonce plus the pending run's length. */
  long pendingNonce() {
    return accountNonce + pending().size();
  }

  /** True when {@code entry} is in the pending run. */
  boolean isPending(PoolEntry entry) {
    return Long.compareUnsigned(entry.nonce(), pendingNonce()) < 0;
  }

  /**
   * Moves to a new head state and drops what it made invalid: nonces below the new account nonce,
   * and, walking up in nonce order, everything from the first transaction whose gas limit exceeds
   * the block's or that the balance can no longer pay together with the ones below it (those
   * above could not execute without it). Returns the dropped entries.
   */
  List<PoolEntry> reset(long newAccountNonce, BigInteger newBalance, long blockGasLimit) {
    accountNonce = newAccountNonce;
    balance = newBalance;
    List<PoolEntry> dropped = new ArrayList<>(byNonce.headMap(accountNonce, false).values());
    byNonce.headMap(accountNonce, false).clear();
    BigInteger spent = BigInteger.ZERO;
    boolean cut = false;
    for (Iterator<PoolEntry> it = byNonce.values().iterator(); it.hasNext(); ) {
      PoolEntry e = it.next();
      spent = spent.add(e.maxCost());
      cut = cut || spent.compareTo(balance) > 0
          || Long.compareUnsigned(e.transaction().gasLimit(), blockGasLimit) > 0;
      if (cut) {
        dropped.add(e);
        it.remove();
      }
    }
    totalCost = BigInteger.ZERO;
    for (PoolEntry e : byNonce.values()) {
      totalCost = totalCost.add(e.maxCost());
    }
    return dropped;
  }
}
