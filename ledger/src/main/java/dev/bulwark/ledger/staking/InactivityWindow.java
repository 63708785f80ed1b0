package dev.bulwark.ledger.staking;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcomes of a validator's most recent leader slots, as alternating runs: failures, then
 * successes, then failures, and so on, oldest first.
 *
 * <p>The window covers the last {@code capacity} slots, but only from its oldest failure on:
 * successes before the first failure can never count, so they are not kept, and a window without
 * failures is {@link #EMPTY} (stored as no slot at all). A healthy validator therefore costs no
 * state, and a validator that is down costs a few runs, not one bit per slot.
 */
public record InactivityWindow(List<Long> runs) {
  /** No failure in the window. */
  public static final InactivityWindow EMPTY = new InactivityWindow(List.of());

  public InactivityWindow {
    runs = List.copyOf(runs);
    if (runs.stream().anyMatch(r -> r <= 0)) {
      throw new IllegalArgumentException("inactivity runs must be positive: " + runs);
    }
  }

  /** Failed slots in the window. */
  public long failures() {
    long sum = 0;
    for (int i = 0; i < runs.size(); i += 2) {
      sum += runs.get(i);
    }
    return sum;
  }

  /** Slots the window spans, from its oldest failure to the newest slot. */
  public long length() {
    return runs.stream().mapToLong(Long::longValue).sum();
  }

  /** True when no failure is in the window. */
  public boolean isEmpty() {
    return runs.isEmpty();
  }

  /** This window after one more slot, keeping only the last {@code capacity} slots. */
  public InactivityWindow record(boolean failed, long capacity) {
    if (!failed && runs.isEmpty()) {
      return EMPTY;
    }
    List<Long> out = new ArrayList<>(runs);
    boolean lastIsFailure = (out.size() % 2) == 1;
    if (!out.isEmpty() && lastIsFailure == failed) {
      out.set(out.size() - 1, out.get(out.size() - 1) + 1);
    } else {
      out.add(1L);
    }
    return trimmed(out, capacity);
  }

  private static InactivityWindow trimmed(List<Long> runs, long capacity) {
    long excess = runs.stream().mapToLong(Long::longValue).sum() - capacity;
    while (excess > 0 && !runs.isEmpty()) {
      long first = runs.get(0);
      if (first > excess) {
        runs.set(0, first - excess);
        break;
      }
      excess -= first;
      runs.remove(0);
      if (!runs.isEmpty()) {
        // the failure run is gone, so the success run behind it leads: it can never count
        excess -= runs.remove(0);
      }
    }
    return new InactivityWindow(runs);
  }
}
