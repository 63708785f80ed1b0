package dev.bulwark.ledger.testkit;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waiting on a condition with a deadline, never for a fixed time: {@link #until} polls until a
 * condition holds, {@link #during} watches an invariant for a whole observation window. Both
 * poll every {@link #POLL} and, when they fail, say what was awaited and what was seen last.
 */
public final class Await {
  /** Time between two observations. */
  public static final Duration POLL = Duration.ofMillis(100);

  private Await() {}

  /**
   * Observes until {@code done} accepts an observation and returns it; fails after {@code
   * timeout}. An observation that throws counts as not done (a node that is not up yet).
   */
  public static <T> T until(String what, Duration timeout, Supplier<T> observe, Predicate<? super T> done) {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    String last = "nothing yet";
    int count = 0;
    while (true) {
      try {
        T seen = observe.get();
        count++;
        if (done.test(seen)) {
          return seen;
        }
        last = seen + " (at " + seconds(System.nanoTime() - start) + ")";
      } catch (RuntimeException e) {
        count++;
        last = "failure " + e + " (at " + seconds(System.nanoTime() - start) + ")";
      }
      if (System.nanoTime() - deadline >= 0) {
        throw new AssertionError("timed out after " + seconds(timeout.toNanos()) + " awaiting "
            + what + "; " + count + " observations, the last: " + last);
      }
      pause(deadline, what);
    }
  }

  /**
   * Observes for the whole {@code window} and fails at the first observation that {@code
   * invariant} rejects (or that throws); returns the last observation, taken at the window's end.
   */
  public static <T> T during(String what, Duration window, Supplier<T> observe, Predicate<? super T> invariant) {
    long start = System.nanoTime();
    long deadline = start + window.toNanos();
    while (true) {
      boolean last = System.nanoTime() - deadline >= 0;
      T seen;
      try {
        seen = observe.get();
      } catch (RuntimeException e) {
        throw new AssertionError("observing " + what + " failed at "
            + seconds(System.nanoTime() - start) + " of a " + seconds(window.toNanos()) + " window", e);
      }
      if (!invariant.test(seen)) {
        throw new AssertionError("violated after " + seconds(System.nanoTime() - start) + " of a "
            + seconds(window.toNanos()) + " window: " + what + "; observed: " + seen);
      }
      if (last) {
        return seen;
      }
      pause(deadline, what);
    }
  }

  /** The one place that sleeps: until the next poll, or the deadline if that comes first. */
  private static void pause(long deadline, String what) {
    long millis = Math.min(POLL.toMillis(), Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while awaiting " + what, e);
    }
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
  }
}
