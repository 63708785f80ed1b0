package dev.bulwark.node.network;

import dev.bulwark.ledger.mempool.MempoolListener;
import dev.bulwark.ledger.mempool.PooledTransaction;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.node.bus.BusMessages.Outbound;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Relays what the mempool admits in batches: newly executable transactions accumulate per origin
 * (so none goes back to the peer it came from) and leave as one 0x0102 frame once a batch holds
 * {@link #MAX_TXS} transactions or {@link #MAX_BYTES} bytes, or at the next {@link #flush} (the
 * p2p verticle calls it every {@link #FLUSH_INTERVAL_MILLIS} ms). One frame per transaction would
 * cost a peer a frame of its inbound budget per transaction: a burst made honest validators
 * rate-limit and ban each other. Thread-safe: the mempool calls it from RPC, gossip and commit
 * threads.
 */
public final class TransactionRelay implements MempoolListener {
  /** Most transactions in one batch (receivers refuse larger batches). */
  public static final int MAX_TXS = P2pVerticle.MAX_BATCH;
  /** Most raw transaction bytes in one batch; a single larger transaction still goes alone. */
  public static final int MAX_BYTES = 256 * 1024;
  /** How long a partial batch may wait for more transactions. */
  public static final long FLUSH_INTERVAL_MILLIS = 25;

  /** A batch being filled. */
  private static final class Pending {
    final List<Bytes> raws = new ArrayList<>();
    int bytes;
  }

  private final Consumer<Outbound> sink;
  // Guarded by this; keyed by origin (empty: submitted to this node).
  private final Map<Optional<Bytes>, Pending> pending = new LinkedHashMap<>();

  /** A relay handing each finished batch to {@code sink} (normally the p2p outbound address). */
  public TransactionRelay(Consumer<Outbound> sink) {
    this.sink = sink;
  }

  @Override
  public void onNewTransactions(List<PooledTransaction> batch) {
    List<Outbound> full = new ArrayList<>();
    synchronized (this) {
      for (PooledTransaction tx : batch) {
        Optional<Bytes> origin = tx.origin().peer();
        Bytes raw = tx.tx().raw();
        Pending p = pending.get(origin);
        if (p != null && p.bytes + raw.size() > MAX_BYTES) {
          full.add(cut(origin));
          p = null;
        }
        if (p == null) {
          p = new Pending();
          pending.put(origin, p);
        }
        p.raws.add(raw);
        p.bytes += raw.size();
        if (p.raws.size() >= MAX_TXS) {
          full.add(cut(origin));
        }
      }
    }
    full.forEach(sink);
  }

  /** Sends every partial batch now. */
  public void flush() {
    List<Outbound> out = new ArrayList<>();
    synchronized (this) {
      for (Optional<Bytes> origin : List.copyOf(pending.keySet())) {
        out.add(cut(origin));
      }
    }
    out.forEach(sink);
  }

  /** Removes {@code origin}'s batch and makes its frame; called under the lock. */
  private Outbound cut(Optional<Bytes> origin) {
    Pending p = pending.remove(origin);
    return Outbound.relay(WireTypes.TRANSACTIONS, TransactionBatches.encode(p.raws), origin);
  }
}
