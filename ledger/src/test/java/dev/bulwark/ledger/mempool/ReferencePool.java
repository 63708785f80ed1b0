package dev.bulwark.ledger.mempool;

import dev.bulwark.ledger.tx.RejectionReason;
import dev.bulwark.ledger.tx.SignedTransaction;
import dev.bulwark.ledger.tx.Transaction;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Hash;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A deliberately naive model of an unbounded pool of valid type-2 transfers, written from the
 * rules rather than from the implementation: what it holds after each add and commit is what the
 * real pool must hold when nothing is evicted.
 */
final class ReferencePool {
  private final int window;
  private final int bumpPercent;
  private final Map<Address, TreeMap<Long, SignedTransaction>> bySender = new HashMap<>();

  ReferencePool(int window, int bumpPercent) {
    this.window = window;
    this.bumpPercent = bumpPercent;
  }

  /** The rejection the pool should give {@code tx}, or null for admission. */
  RejectionReason judge(SignedTransaction tx, AccountStateView state, BigInteger baseFee) {
    if (hashes().contains(tx.hash())) {
      return RejectionReason.ALREADY_KNOWN;
    }
    Transaction t = tx.transaction();
    Address sender = tx.sender().orElseThrow();
    if (t.maxFeePerGas().compareTo(baseFee) < 0) {
      return RejectionReason.FEE_CAP_BELOW_BASE_FEE;
    }
    long accountNonce = state.nonce(sender);
    if (t.nonce() < accountNonce) {
      return RejectionReason.NONCE_TOO_LOW;
    }
    if (t.nonce() >= accountNonce + window) {
      return RejectionReason.NONCE_TOO_HIGH;
    }
    BigInteger balance = state.balance(sender);
    if (balance.compareTo(cost(t)) < 0) {
      return RejectionReason.INSUFFICIENT_FUNDS;
    }
    TreeMap<Long, SignedTransaction> mine = bySender.getOrDefault(sender, new TreeMap<>());
    SignedTransaction old = mine.get(t.nonce());
    if (old != null && !(bumped(old.transaction().maxFeePerGas(), t.maxFeePerGas())
        && bumped(old.transaction().maxPriorityFeePerGas(), t.maxPriorityFeePerGas()))) {
      return RejectionReason.REPLACEMENT_UNDERPRICED;
    }
    BigInteger total = cost(t);
    for (SignedTransaction other : mine.values()) {
      if (other != old) {
        total = total.add(cost(other.transaction()));
      }
    }
    return total.compareTo(balance) > 0 ? RejectionReason.INSUFFICIENT_FUNDS : null;
  }

  /** Pools {@code tx}, replacing any same-nonce transaction. */
  void admit(SignedTransaction tx) {
    bySender.computeIfAbsent(tx.sender().orElseThrow(), a -> new TreeMap<>())
        .put(tx.transaction().nonce(), tx);
  }

  /** Forgets the included, the stale, and each sender's unpayable suffix. */
  void commit(Set<Hash> included, AccountStateView state) {
    for (Iterator<Map.Entry<Address, TreeMap<Long, SignedTransaction>>> it =
        bySender.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Address, TreeMap<Long, SignedTransaction>> e = it.next();
      TreeMap<Long, SignedTransaction> kept = new TreeMap<>();
      BigInteger spent = BigInteger.ZERO;
      for (SignedTransaction tx : e.getValue().values()) {
        if (included.contains(tx.hash()) || tx.transaction().nonce() < state.nonce(e.getKey())) {
          continue;
        }
        spent = spent.add(cost(tx.transaction()));
        if (spent.compareTo(state.balance(e.getKey())) > 0) {
          break;
        }
        kept.put(tx.transaction().nonce(), tx);
      }
      if (kept.isEmpty()) {
        it.remove();
      } else {
        e.setValue(kept);
      }
    }
  }

  /** Every pooled hash. */
  Set<Hash> hashes() {
    Set<Hash> out = new HashSet<>();
    bySender.values().forEach(m -> m.values().forEach(tx -> out.add(tx.hash())));
    return out;
  }

  private boolean bumped(BigInteger old, BigInteger candidate) {
    return candidate.compareTo(old) > 0 && candidate.multiply(BigInteger.valueOf(100))
        .compareTo(old.multiply(BigInteger.valueOf(100L + bumpPercent))) >= 0;
  }

  private static BigInteger cost(Transaction t) {
    return t.value().add(t.maxFeePerGas().multiply(BigInteger.valueOf(t.gasLimit())));
  }
}
