package dev.bulwark.rpc.eth;

import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.execution.Log;
import dev.bulwark.ledger.execution.LogsBloom;
import dev.bulwark.ledger.store.StoredLog;
import dev.bulwark.ledger.store.StoredReceipt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announces committed blocks to subscriptions and filters: exactly once per block, in order, with
 * no gap, and only once the block is queryable. The node calls {@link #onCommitted()} after each
 * commit (one block, or a catch-up batch); the feed walks from the last announced block to the
 * head the chain shows now, so a batch announces each of its blocks.
 */
public final class HeadFeed {
  private static final Logger LOG = LoggerFactory.getLogger(HeadFeed.class);

  /** A newly committed block with its logs bloom and logs. */
  public record NewBlock(Block block, LogsBloom bloom, List<StoredLog> logs) {
    public NewBlock {
      logs = List.copyOf(logs);
    }
  }

  /** Receives each committed block once, in order; must be fast and thread-safe. */
  @FunctionalInterface
  public interface Listener {
    /** Block {@code b} is committed and queryable. */
    void onBlock(NewBlock b);
  }

  private final ChainReader chain;
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private long announced;

  /** A feed over {@code chain} that announces blocks committed after the current head. */
  public HeadFeed(ChainReader chain) {
    this.chain = chain;
    this.announced = chain.head().number();
  }

  /** Subscribes {@code listener}. */
  public void addListener(Listener listener) {
    listeners.add(listener);
  }

  /** The last block announced. */
  public synchronized long announced() {
    return announced;
  }

  /**
   * Announces every block from the last announced one to the current head, in order. Called by
   * the node after each commit; calls are serialised, so concurrent callers cannot reorder blocks.
   */
  public synchronized void onCommitted() {
    long head = chain.head().number();
    while (announced < head) {
      long n = announced + 1;
      NewBlock nb;
      try {
        Optional<Block> block = chain.block(n);
        if (block.isEmpty()) {
          LOG.error("committed block {} is not readable; announcing it after the next commit", n);
          return;
        }
        nb = new NewBlock(block.get(), chain.logsBloom(n), logs(n));
      } catch (RuntimeException e) {
        // A store read failed: the caller is the ledger worker, which must go on; the walk
        // resumes from this block after the next commit, so nothing is skipped.
        LOG.error("cannot read committed block {} for the head feed: {}", n, e.toString());
        return;
      }
      announced = n;
      for (Listener l : listeners) {
        try {
          l.onBlock(nb);
        } catch (RuntimeException e) {
          // One subscriber's failure must not stop the others or the ledger worker calling us.
          LOG.warn("a head listener failed on block {}: {}", n, e.toString());
        }
      }
    }
  }

  private List<StoredLog> logs(long n) {
    List<StoredLog> out = new ArrayList<>();
    for (StoredReceipt r : chain.receipts(n).orElse(List.of())) {
      List<Log> logs = r.receipt().logs();
      for (int i = 0; i < logs.size(); i++) {
        out.add(new StoredLog(logs.get(i), n, r.blockHash(), r.transactionHash(), r.index(),
            r.firstLogIndex() + i));
      }
    }
    return out;
  }
}
