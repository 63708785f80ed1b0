package dev.bulwark.node.network;

import dev.bulwark.ledger.codec.DecodeException;
import dev.bulwark.ledger.mempool.AddResult;
import dev.bulwark.ledger.mempool.Mempool;
import dev.bulwark.ledger.mempool.TxOrigin;
import dev.bulwark.ledger.tx.RejectionReason;
import dev.bulwark.ledger.tx.SignedTransaction;
import dev.bulwark.ledger.tx.TransactionCodec;
import dev.bulwark.ledger.tx.UnsupportedTransactionTypeException;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.p2p.scoring.Offence;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admits gossiped transaction batches to the mempool, one {@link Mempool#addAll} per batch, off the
 * ledger worker (so execution and commits never queue behind sender recovery) and with a bounded
 * backlog: past {@link #MAX_QUEUED_BATCHES} waiting batches or {@link #MAX_QUEUED_BYTES} of their
 * transactions, further ones are dropped (their transactions stay in the pools of the nodes that
 * relayed them and reach blocks through those). Only what an honest peer
 * cannot send is penalised: undecodable transactions, and invalid signatures or a foreign chain id
 * (honest peers relay only what their own stateless rules, the same as ours, admitted).
 */
public final class TransactionAdmission {
  private static final Logger LOG = LoggerFactory.getLogger(TransactionAdmission.class);
  /** Most gossiped batches waiting for admission (256 transactions each at most). */
  public static final int MAX_QUEUED_BATCHES = 1_024;
  /** Most raw transaction bytes waiting for admission. */
  public static final long MAX_QUEUED_BYTES = 16L * 1024 * 1024;

  /** Where a penalty goes. */
  @FunctionalInterface
  public interface Penalties {
    /** Lowers the score of the peer with {@code nodeKey}. */
    void penalise(Bytes nodeKey, Offence offence, String detail);
  }

  /** Runs admission work in arrival order on a thread that may block. */
  @FunctionalInterface
  public interface Worker {
    /** Runs {@code task} after the tasks submitted before it. */
    void submit(Runnable task);
  }

  private final Mempool mempool;
  private final Worker worker;
  private final Penalties penalties;
  private final AtomicInteger queued = new AtomicInteger();
  private final AtomicLong queuedBytes = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();

  /** Admits to {@code mempool} on {@code worker}, reporting bad peers to {@code penalties}. */
  public TransactionAdmission(Mempool mempool, Worker worker, Penalties penalties) {
    this.mempool = mempool;
    this.worker = worker;
    this.penalties = penalties;
  }

  /** Queues {@code raws} from the peer {@code from} for admission; false when dropped. */
  public boolean offer(List<Bytes> raws, Bytes from) {
    long bytes = raws.stream().mapToLong(Bytes::size).sum();
    int batches = queued.incrementAndGet();
    long total = queuedBytes.addAndGet(bytes);
    if (batches > MAX_QUEUED_BATCHES || total > MAX_QUEUED_BYTES) {
      release(bytes);
      if (dropped.incrementAndGet() % 1_000 == 1) {
        LOG.warn("transaction admission is {} batches ({} bytes) behind: dropping gossiped batches"
            + " ({} so far)", batches - 1, total - bytes, dropped.get());
      }
      return false;
    }
    worker.submit(() -> {
      try {
        admit(raws, from);
      } finally {
        release(bytes);
      }
    });
    return true;
  }

  private void release(long bytes) {
    queued.decrementAndGet();
    queuedBytes.addAndGet(-bytes);
  }

  /** Gossiped batches dropped because admission was behind. */
  public long dropped() {
    return dropped.get();
  }

  /** Decodes and admits one batch; called on the worker. */
  void admit(List<Bytes> raws, Bytes from) {
    TxOrigin origin = TxOrigin.fromPeer(from);
    List<SignedTransaction> txs = new ArrayList<>(raws.size());
    int undecodable = 0;
    for (Bytes raw : raws) {
      if (raw.size() > mempool.config().maxTxBytes()) {
        mempool.add(raw.toArray(), origin); // rejected (and counted) without decoding
        continue;
      }
      try {
        txs.add(TransactionCodec.decode(raw));
      } catch (UnsupportedTransactionTypeException e) {
        mempool.add(raw.toArray(), origin); // rejected (and counted) as a type not supported
      } catch (DecodeException e) {
        undecodable++;
      }
    }
    long invalidSender = mempool.addAll(txs, origin).stream()
        .filter(r -> r instanceof AddResult.Rejected rejected
            && rejected.reason() == RejectionReason.INVALID_SENDER)
        .count();
    if (undecodable > 0) {
      penalties.penalise(from, Offence.DECODE_FAILURE,
          undecodable + " undecodable transactions in a batch");
    }
    if (invalidSender > 0) {
      penalties.penalise(from, Offence.INVALID_SIGNATURE,
          invalidSender + " transactions with an invalid signature or chain id in a batch");
    }
  }
}
