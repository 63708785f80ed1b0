package dev.bulwark.node.loadgen;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What happened to each pre-signed transaction, by index: when it was submitted, whether the node
 * accepted or refused it, and when the first block containing it was announced. Times are
 * nanoTime values; the measured window is [measureFrom, measureTo) of submission times.
 */
public final class LatencyBook {
  private static final long NONE = Long.MIN_VALUE;

  private final long[] submitted;
  private final long[] committed;
  private final boolean[] accepted;
  private final boolean[] refused;
  private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
  private final LongAdder sentCount = new LongAdder();
  private final LongAdder acceptedCount = new LongAdder();
  private final LongAdder committedCount = new LongAdder();
  private final LongAdder refusedCount = new LongAdder();
  private long committedWithoutSubmission;
  private boolean frozen;

  /** A book of {@code size} transactions, none submitted. */
  public LatencyBook(int size) {
    submitted = new long[size];
    committed = new long[size];
    accepted = new boolean[size];
    refused = new boolean[size];
    Arrays.fill(submitted, NONE);
    Arrays.fill(committed, NONE);
  }

  /** Transaction {@code i} was sent at {@code nanos}. */
  public synchronized void submitted(int i, long nanos) {
    if (submitted[i] == NONE) {
      submitted[i] = nanos;
      sentCount.increment();
    }
  }

  /** The node answered transaction {@code i} with its hash. */
  public synchronized void accepted(int i) {
    if (!frozen && !accepted[i] && !refused[i]) {
      accepted[i] = true;
      acceptedCount.increment();
    }
  }

  /** The node refused transaction {@code i} (or the request failed) with {@code message}. */
  public synchronized void refused(int i, String message) {
    if (!frozen && !accepted[i] && !refused[i]) {
      refused[i] = true;
      refusedCount.increment();
      errors.computeIfAbsent(message, m -> new LongAdder()).increment();
    }
  }

  /**
   * A block announced at {@code nanos} contains transaction {@code i}; only the first
   * announcement counts. Returns true when it was the first.
   */
  public synchronized boolean committed(int i, long nanos) {
    if (frozen || committed[i] != NONE) {
      return false;
    }
    committed[i] = nanos;
    committedCount.increment();
    if (submitted[i] == NONE) {
      committedWithoutSubmission++; // a node cannot include what was never sent: a loadgen bug
    }
    if (!accepted[i] && !refused[i]) {
      accepted[i] = true; // the block may be announced before the send's answer arrives
      acceptedCount.increment();
    }
    return true;
  }

  /**
   * Ignores everything reported from now on, so that the receipt check and the figures see the
   * same state: an answer that arrives after the drain would otherwise count as accepted and lost.
   */
  public synchronized void freeze() {
    frozen = true;
  }

  /** True when transaction {@code i} was seen in a block. */
  public synchronized boolean isCommitted(int i) {
    return committed[i] != NONE;
  }

  /** True when the node accepted transaction {@code i} (or it was seen in a block). */
  public synchronized boolean isAccepted(int i) {
    return accepted[i];
  }

  /** Sent so far. */
  public long sent() {
    return sentCount.sum();
  }

  /** Accepted so far. */
  public long acceptedCount() {
    return acceptedCount.sum();
  }

  /** Seen in a block so far. */
  public long committedCount() {
    return committedCount.sum();
  }

  /** Sent, neither refused nor seen in a block yet. */
  public long inFlight() {
    return sentCount.sum() - refusedCount.sum() - committedCount.sum();
  }

  /** Accepted but not seen in a block yet. */
  public long acceptedNotCommitted() {
    return acceptedCount.sum() - committedCount.sum();
  }

  /** Refusals and failed requests, by message, in first-seen order of the counts' keys. */
  public Map<String, Long> errorsByMessage() {
    Map<String, Long> copy = new LinkedHashMap<>();
    errors.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum()))
        .forEach(e -> copy.put(e.getKey(), e.getValue().sum()));
    return copy;
  }

  /** All refusals and failed requests. */
  public long errors() {
    return refusedCount.sum();
  }

  /** The figures of the window [from, to) of submission times, after the run. */
  public synchronized Window window(long from, long to) {
    long offered = 0;
    long committedInWindow = 0;
    long lost = 0;
    long[] latencies = new long[submitted.length];
    int n = 0;
    for (int i = 0; i < submitted.length; i++) {
      if (accepted[i] && committed[i] == NONE) {
        lost++;
      }
      if (committed[i] != NONE && committed[i] >= from && committed[i] < to) {
        committedInWindow++;
      }
      if (submitted[i] == NONE || submitted[i] < from || submitted[i] >= to) {
        continue;
      }
      offered++;
      if (committed[i] != NONE) {
        latencies[n++] = Math.max(0, committed[i] - submitted[i]);
      }
    }
    long[] sorted = Arrays.copyOf(latencies, n);
    Arrays.sort(sorted);
    return new Window((to - from) / 1e9, offered, committedInWindow, lost, sorted,
        committedWithoutSubmission);
  }

  /**
   * The measured figures.
   *
   * @param seconds the window's length
   * @param offered transactions submitted within the window
   * @param committed transactions whose block was announced within the window
   * @param lost accepted transactions (in any phase) never seen in a block
   * @param latencies submit-to-announcement nanoseconds of the window's committed submissions, sorted
   * @param unsent transactions seen in a block that were never submitted (a loadgen fault)
   */
  public record Window(double seconds, long offered, long committed, long lost, long[] latencies,
      long unsent) {
    public Window {
      if (!(seconds > 0) || offered < 0 || committed < 0 || lost < 0 || latencies == null) {
        throw new IllegalArgumentException("a window needs a positive length and counts");
      }
    }

    /** The {@code q} quantile (nearest rank) in milliseconds; 0 when nothing committed. */
    public double percentileMillis(double q) {
      if (latencies.length == 0) {
        return 0;
      }
      int rank = (int) Math.ceil(q * latencies.length);
      return latencies[Math.max(0, Math.min(latencies.length - 1, rank - 1))] / 1e6;
    }
  }
}
