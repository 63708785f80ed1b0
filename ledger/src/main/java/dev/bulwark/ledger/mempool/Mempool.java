package dev.bulwark.ledger.mempool;

import dev.bulwark.ledger.crypto.Keccak;
import dev.bulwark.ledger.tx.AdmissionCheck;
import dev.bulwark.ledger.tx.RejectionReason;
import dev.bulwark.ledger.tx.SignedTransaction;
import dev.bulwark.ledger.tx.TransactionCodec;
import dev.bulwark.ledger.tx.UnsupportedTransactionTypeException;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * The transaction pool (DESIGN.md section 3): admits each transaction once with Ethereum's
 * rejection texts, keeps each sender's transactions by nonce (executable run first, gapped ones
 * held back), bounds its size by evicting the cheapest, picks block payloads and forgets what a
 * commit included or invalidated.
 *
 * <p>Concurrency: RPC threads, gossip and the ledger worker call it at once. The expensive,
 * state-free part of admission (decoding, sender recovery, the stateless rules) runs on the
 * caller's thread without a lock. Everything that reads or changes the pool's structure runs
 * under one monitor; {@link #add} holds it for O(log n + maxPerSender) per transaction, while
 * {@link #onCommit}, {@link #selectForBlock} and {@link #content} walk the pool. Lookups by hash
 * and {@link #size} read a concurrent map without the lock. Listeners run after the lock is
 * released, on the thread that made the change.
 */
public final class Mempool {
  private final MempoolConfig config;
  private final AdmissionCheck statelessRules;
  private final MempoolCounters counters = new MempoolCounters();
  private final List<MempoolListener> listeners = new CopyOnWriteArrayList<>();
  private final Map<Hash, PoolEntry> byHash = new ConcurrentHashMap<>();
  private final Object lock = new Object();
  // Guarded by lock.
  private final Map<Address, SenderQueue> senders = new HashMap<>();
  private final EvictionIndex eviction;
  private PoolHead head;
  private StateRules stateRules;
  private long nextArrival;

  /**
   * An empty pool.
   *
   * @param config its bounds
   * @param statelessRules the node's stateless admission (normally {@code TransactionRules})
   * @param head the committed head to judge transactions against
   */
  public Mempool(MempoolConfig config, AdmissionCheck statelessRules, PoolHead head) {
    this.config = config;
    this.statelessRules = statelessRules;
    this.head = head;
    this.stateRules = new StateRules(head, config.maxPerSender());
    this.eviction = new EvictionIndex(head.baseFee());
  }

  /**
   * Decodes and offers raw bytes as received by {@code eth_sendRawTransaction} or gossip.
   *
   * @throws dev.bulwark.ledger.codec.DecodeException for malformed bytes (an unsupported type is
   *     a {@link AddResult.Rejected} instead)
   */
  public AddResult add(byte[] raw, TxOrigin origin) {
    if (raw.length > config.maxTxBytes()) {
      return rejected(Keccak.hash(Bytes.of(raw)), RejectionReason.OVERSIZED_DATA);
    }
    SignedTransaction tx;
    try {
      tx = TransactionCodec.decode(raw);
    } catch (UnsupportedTransactionTypeException e) {
      return rejected(Keccak.hash(Bytes.of(raw)), RejectionReason.TYPE_NOT_SUPPORTED);
    }
    return add(tx, origin);
  }

  /** Offers one transaction; {@link AddResult#orThrow()} gives the RPC error. */
  public AddResult add(SignedTransaction tx, TxOrigin origin) {
    return addAll(List.of(tx), origin).get(0);
  }

  /** Offers a batch (e.g. one gossip message), in order; listeners hear one batch. */
  public List<AddResult> addAll(List<SignedTransaction> txs, TxOrigin origin) {
    List<Optional<RejectionReason>> early = new ArrayList<>(txs.size());
    for (SignedTransaction tx : txs) {
      early.add(precheck(tx));
    }
    List<AddResult> results = new ArrayList<>(txs.size());
    List<PooledTransaction> announce = new ArrayList<>();
    synchronized (lock) {
      for (int i = 0; i < txs.size(); i++) {
        SignedTransaction tx = txs.get(i);
        results.add(early.get(i).isPresent()
            ? new AddResult.Rejected(tx.hash(), early.get(i).get())
            : insert(tx, origin, announce));
      }
    }
    for (AddResult result : results) {
      if (result instanceof AddResult.Rejected r) {
        counters.countRejected(r.reason());
      }
    }
    notifyListeners(announce);
    return results;
  }

  /**
   * Moves the pool to a newly committed head: drops the transactions the block included and those
   * the new state invalidated (nonce now too low, no longer payable together, above the block gas
   * limit), re-evaluates gaps and re-ranks by the new base fee. Commits must come in order from
   * one thread (the ledger worker).
   */
  public void onCommit(Collection<Hash> included, PoolHead next) {
    commit(included, current -> next);
  }

  /** {@link #onCommit(Collection, PoolHead)} keeping the block gas limit. */
  public void onCommit(Collection<Hash> included, AccountStateView newState,
      BigInteger nextBaseFee) {
    commit(included, current -> current.next(newState, nextBaseFee));
  }

  private void commit(Collection<Hash> included, UnaryOperator<PoolHead> nextHead) {
    List<PooledTransaction> announce = new ArrayList<>();
    synchronized (lock) {
      PoolHead next = nextHead.apply(head);
      head = next;
      stateRules = new StateRules(next, config.maxPerSender());
      for (Hash hash : included) {
        PoolEntry entry = byHash.remove(hash);
        if (entry != null) {
          senders.get(entry.sender()).remove(entry);
          counters.countIncluded();
        }
      }
      AccountStateView state = next.state();
      for (Iterator<SenderQueue> it = senders.values().iterator(); it.hasNext(); ) {
        SenderQueue queue = it.next();
        Address sender = queue.sender();
        List<PoolEntry> dropped =
            queue.reset(state.nonce(sender), state.balance(sender), next.blockGasLimit());
        dropped.forEach(e -> byHash.remove(e.hash()));
        counters.countInvalidated(dropped.size());
        if (queue.isEmpty()) {
          it.remove();
        } else {
          collectAnnouncements(queue, announce);
        }
      }
      eviction.rebuild(next.baseFee(), senders.values());
    }
    notifyListeners(announce);
  }

  /** {@link #selectForBlock(long, BigInteger, int, Set)} on top of the committed head. */
  public List<SignedTransaction> selectForBlock(long gasLimit, BigInteger baseFee, int maxCount) {
    return selectForBlock(gasLimit, baseFee, maxCount, Set.of());
  }

  /**
   * Executable transactions for a block: each sender's in nonce order, senders interleaved by
   * effective tip at {@code baseFee} (earlier arrival first among equals), skipping senders whose
   * next fee cap is below {@code baseFee}, with summed gas limits within {@code gasLimit} and at
   * most {@code maxCount} transactions. Transactions in {@code alreadyProposed} (carried by an
   * uncommitted ancestor block) are passed over as if executed.
   */
  public List<SignedTransaction> selectForBlock(long gasLimit, BigInteger baseFee, int maxCount,
      Set<Hash> alreadyProposed) {
    if (gasLimit < 0 || maxCount < 0 || baseFee == null || baseFee.signum() < 0) {
      throw new IllegalArgumentException("bad block bounds: gasLimit=" + gasLimit + ", baseFee="
          + baseFee + ", maxCount=" + maxCount);
    }
    synchronized (lock) {
      return BlockSelector.select(senders.values(), gasLimit, baseFee, maxCount, alreadyProposed);
    }
  }

  /**
   * The nonce a wallet should use next ({@code eth_getTransactionCount "pending"}): the account
   * nonce plus the run of consecutive pooled nonces from it.
   */
  public long pendingNonce(Address sender) {
    synchronized (lock) {
      SenderQueue queue = senders.get(sender);
      return queue != null ? queue.pendingNonce() : head.state().nonce(sender);
    }
  }

  /** The pooled transaction with {@code hash}, if any. */
  public Optional<PooledTransaction> getByHash(Hash hash) {
    return Optional.ofNullable(byHash.get(hash)).map(PoolEntry::pooled);
  }

  /** True when a transaction with {@code hash} is pooled. */
  public boolean contains(Hash hash) {
    return byHash.containsKey(hash);
  }

  /** The number of pooled transactions, pending and queued. */
  public int size() {
    return byHash.size();
  }

  /** A consistent snapshot of every sender's pending and queued transactions. */
  public PoolContent content() {
    TreeMap<Address, List<PooledTransaction>> pending = new TreeMap<>();
    TreeMap<Address, List<PooledTransaction>> queued = new TreeMap<>();
    synchronized (lock) {
      for (SenderQueue queue : senders.values()) {
        List<PoolEntry> run = queue.pending();
        List<PoolEntry> gapped = queue.queued();
        if (!run.isEmpty()) {
          pending.put(queue.sender(), run.stream().map(PoolEntry::pooled).toList());
        }
        if (!gapped.isEmpty()) {
          queued.put(queue.sender(), gapped.stream().map(PoolEntry::pooled).toList());
        }
      }
    }
    return new PoolContent(pending, queued);
  }

  /** The head the pool currently judges against. */
  public PoolHead head() {
    synchronized (lock) {
      return head;
    }
  }

  /** The pool's bounds. */
  public MempoolConfig config() {
    return config;
  }

  /** The pool's counters, for metrics. */
  public MempoolCounters counters() {
    return counters;
  }

  /** Subscribes {@code listener} to batches of newly executable transactions. */
  public void addListener(MempoolListener listener) {
    listeners.add(listener);
  }

  /** Unsubscribes {@code listener}. */
  public void removeListener(MempoolListener listener) {
    listeners.remove(listener);
  }

  /** The lock-free checks: size, duplicates, and the stateless rules (recovers the sender). */
  private Optional<RejectionReason> precheck(SignedTransaction tx) {
    if (tx.raw().size() > config.maxTxBytes()) {
      return Optional.of(RejectionReason.OVERSIZED_DATA);
    }
    if (byHash.containsKey(tx.hash())) {
      return Optional.of(RejectionReason.ALREADY_KNOWN);
    }
    return statelessRules.evaluate(tx);
  }

  /** The state and pool checks and the insertion; called under the lock. */
  private AddResult insert(SignedTransaction tx, TxOrigin origin,
      List<PooledTransaction> announce) {
    if (byHash.containsKey(tx.hash())) {
      return new AddResult.Rejected(tx.hash(), RejectionReason.ALREADY_KNOWN);
    }
    Optional<RejectionReason> reason = stateRules.evaluate(tx);
    if (reason.isPresent()) {
      return new AddResult.Rejected(tx.hash(), reason.get());
    }
    Address sender = tx.sender().orElseThrow();
    SenderQueue queue = senders.get(sender);
    if (queue == null) {
      queue = new SenderQueue(sender, head.state().nonce(sender), head.state().balance(sender));
    }
    PoolEntry entry = new PoolEntry(new PooledTransaction(tx, sender, origin, nextArrival));
    PoolEntry old = queue.get(entry.nonce());
    reason = poolRules(queue, entry, old);
    if (reason.isPresent()) {
      return new AddResult.Rejected(tx.hash(), reason.get());
    }
    nextArrival++;
    queue.put(entry);
    senders.put(sender, queue);
    if (old != null) {
      byHash.remove(old.hash()); // first, so that lock-free size() never exceeds the bound
    }
    byHash.put(tx.hash(), entry);
    eviction.refresh(queue);
    counters.countAdmitted(old != null);
    boolean pending = queue.isPending(entry);
    if (pending) {
      collectAnnouncements(queue, announce);
    }
    return new AddResult.Added(tx.hash(), pending, Optional.ofNullable(old).map(PoolEntry::hash));
  }

  /** Replacement bump, the sender's summed costs, and room (evicting if it must). */
  private Optional<RejectionReason> poolRules(SenderQueue queue, PoolEntry entry, PoolEntry old) {
    if (old != null && !Fees.isSufficientBump(
        old.transaction(), entry.transaction(), config.priceBumpPercent())) {
      return Optional.of(RejectionReason.REPLACEMENT_UNDERPRICED);
    }
    BigInteger spent = queue.totalCost().add(entry.maxCost());
    if (old != null) {
      spent = spent.subtract(old.maxCost());
    }
    if (spent.compareTo(queue.balance()) > 0) {
      return Optional.of(RejectionReason.INSUFFICIENT_FUNDS);
    }
    return old == null && byHash.size() >= config.maxSize() ? makeRoom(entry) : Optional.empty();
  }

  /** Evicts the cheapest tail if {@code entry} outbids it; never the sender's own lower tail. */
  private Optional<RejectionReason> makeRoom(PoolEntry entry) {
    Optional<PoolEntry> victim = eviction.cheapest(tail -> !tail.sender().equals(entry.sender())
        || Long.compareUnsigned(tail.nonce(), entry.nonce()) > 0);
    if (victim.isEmpty()) {
      return Optional.of(RejectionReason.TXPOOL_FULL);
    }
    if (eviction.tipOf(victim.get()).compareTo(eviction.tipOf(entry)) >= 0) {
      return Optional.of(RejectionReason.UNDERPRICED);
    }
    PoolEntry evicted = victim.get();
    SenderQueue queue = senders.get(evicted.sender());
    queue.remove(evicted);
    byHash.remove(evicted.hash());
    eviction.refresh(queue);
    if (queue.isEmpty()) {
      senders.remove(evicted.sender());
    }
    counters.countEvicted();
    return Optional.empty();
  }

  private static void collectAnnouncements(SenderQueue queue, List<PooledTransaction> sink) {
    for (PoolEntry e : queue.pending()) {
      if (!e.isAnnounced()) {
        e.markAnnounced();
        sink.add(e.pooled());
      }
    }
  }

  private AddResult rejected(Hash hash, RejectionReason reason) {
    counters.countRejected(reason);
    return new AddResult.Rejected(hash, reason);
  }

  private void notifyListeners(List<PooledTransaction> batch) {
    if (batch.isEmpty()) {
      return;
    }
    List<PooledTransaction> immutable = List.copyOf(batch);
    for (MempoolListener listener : listeners) {
      listener.onNewTransactions(immutable);
    }
  }
}
