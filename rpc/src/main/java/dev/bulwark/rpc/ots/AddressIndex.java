package dev.bulwark.rpc.ots;

import dev.bulwark.ledger.store.StoredReceipt;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.rpc.eth.ChainReader;
import dev.bulwark.rpc.eth.HeadFeed;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Address → transactions (as sender or recipient), in memory, for {@code
 * ots_searchTransactionsBefore/After}. One indexer thread walks committed blocks in order from the
 * last indexed one to the head: at start that is the one-off backfill of an existing store, then
 * each commit (or catch-up batch) the head feed announces. Queries see only blocks up to {@link
 * #indexedTo()}, so a page never changes under a reader. Each entry is one long, block number
 * shifted left 16 bits plus the transaction index (a block holds at most 30M / 21,000 < 65,536).
 */
public final class AddressIndex implements HeadFeed.Listener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AddressIndex.class);
  private static final int INDEX_BITS = 16;

  private final ChainReader chain;
  private final Map<Address, Entries> byAddress = new ConcurrentHashMap<>();
  private final ExecutorService indexer;
  private volatile long indexedTo;
  private volatile long entries;

  private AddressIndex(ChainReader chain) {
    this.chain = chain;
    // One thread at most, ended when idle: a stopped node leaves no thread behind.
    this.indexer = new ThreadPoolExecutor(0, 1, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        r -> {
          Thread t = new Thread(r, "address-index");
          t.setDaemon(true);
          return t;
        });
  }

  /** An index over {@code chain} that backfills now and follows {@code feed}. */
  public static AddressIndex start(ChainReader chain, HeadFeed feed) {
    AddressIndex index = new AddressIndex(chain);
    feed.addListener(index);
    index.schedule();
    return index;
  }

  @Override
  public void onBlock(HeadFeed.NewBlock b) {
    schedule();
  }

  private void schedule() {
    try {
      indexer.execute(this::catchUp);
    } catch (RejectedExecutionException e) {
      LOG.debug("address index closed; block not indexed: {}", e.toString());
    }
  }

  /** Indexes every committed block after the last indexed one. */
  private void catchUp() {
    long head = chain.head().number();
    long started = indexedTo;
    for (long n = indexedTo + 1; n <= head; n++) {
      List<StoredReceipt> receipts = chain.receipts(n).orElse(null);
      if (receipts == null) {
        LOG.warn("block {}'s receipts are not readable; the address index resumes there", n);
        return;
      }
      for (StoredReceipt r : receipts) {
        if (r.blockLevel()) {
          continue;
        }
        long entry = n << INDEX_BITS | r.index();
        add(r.receipt().from(), entry);
        r.receipt().to().filter(to -> !to.equals(r.receipt().from())).ifPresent(to -> add(to, entry));
      }
      indexedTo = n;
    }
    if (head - started > 1000) {
      LOG.info("address index: blocks {}..{} indexed, {} entries", started + 1, head, entries);
    }
  }

  private void add(Address a, long entry) {
    byAddress.computeIfAbsent(a, k -> new Entries()).add(entry);
    entries++;
  }

  /** The last block whose transactions are indexed. */
  public long indexedTo() {
    return indexedTo;
  }

  /** Entries held (one per address and transaction). */
  public long size() {
    return entries;
  }

  /** Up to about {@code count} entries, whole blocks, and whether more lie beyond them. */
  public record Page(long[] entries, boolean more) {}

  /**
   * {@code address}'s entries in blocks below {@code block} (and up to {@link #indexedTo()}),
   * newest first: at least {@code count} when there are, completing the last block.
   */
  public Page before(Address address, long block, int count) {
    Entries e = byAddress.get(address);
    long limit = Math.min(block, indexedTo + 1);
    return e == null ? new Page(new long[0], false) : e.before(limit << INDEX_BITS, count);
  }

  /** {@code address}'s entries in blocks above {@code block}, oldest first, as {@link #before}. */
  public Page after(Address address, long block, int count) {
    Entries e = byAddress.get(address);
    long top = indexedTo;
    return e == null ? new Page(new long[0], false)
        : e.after((block + 1) << INDEX_BITS, (top + 1) << INDEX_BITS, count);
  }

  static long block(long entry) {
    return entry >>> INDEX_BITS;
  }

  static int txIndex(long entry) {
    return (int) (entry & ((1 << INDEX_BITS) - 1));
  }

  private static int lowerBound(long[] a, int length, long key) {
    int lo = 0;
    int hi = length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  @Override
  public void close() {
    indexer.shutdownNow();
  }

  /** One address's entries, appended in ascending order by the single indexer thread. */
  private static final class Entries {
    private long[] values = new long[4];
    private int size;

    synchronized void add(long v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    /** Entries below {@code limit}, descending, whole blocks once {@code count} is reached. */
    synchronized Page before(long limit, int count) {
      int i = lowerBound(values, size, limit) - 1;
      long[] out = new long[Math.min(i + 1, count + (1 << INDEX_BITS))];
      int n = 0;
      while (i >= 0 && (n < count || block(values[i]) == block(out[n - 1]))) {
        out[n++] = values[i--];
      }
      return new Page(Arrays.copyOf(out, n), i >= 0);
    }

    /** Entries in {@code [from, limit)}, ascending, whole blocks once {@code count} is reached. */
    synchronized Page after(long from, long limit, int count) {
      int end = lowerBound(values, size, limit);
      int i = lowerBound(values, size, from);
      long[] out = new long[Math.max(0, Math.min(end - i, count + (1 << INDEX_BITS)))];
      int n = 0;
      while (i < end && (n < count || block(values[i]) == block(out[n - 1]))) {
        out[n++] = values[i++];
      }
      return new Page(Arrays.copyOf(out, n), i < end);
    }
  }
}
