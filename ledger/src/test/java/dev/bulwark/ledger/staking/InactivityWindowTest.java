package dev.bulwark.ledger.staking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InactivityWindowTest {
  @Test
  void successesWithoutFailuresCostNothing() {
    assertThat(InactivityWindow.EMPTY.record(false, 10)).isEqualTo(InactivityWindow.EMPTY);
  }

  @Test
  void runsAlternateStartingWithFailures() {
    InactivityWindow w = InactivityWindow.EMPTY;
    for (boolean failed : new boolean[] {true, true, false, false, true}) {
      w = w.record(failed, 10);
    }
    assertThat(w.runs()).containsExactly(2L, 2L, 1L);
    assertThat(w.failures()).isEqualTo(3);
    assertThat(w.length()).isEqualTo(5);
  }

  @Test
  void oldSlotsScrollOutAndLeadingSuccessesAreDropped() {
    InactivityWindow w = new InactivityWindow(List.of(2L, 2L));
    w = w.record(false, 4); // F S S S: one failure left
    assertThat(w.runs()).containsExactly(1L, 3L);
    w = w.record(false, 4); // S S S S: nothing left
    assertThat(w).isEqualTo(InactivityWindow.EMPTY);
  }

  /** The run encoding counts exactly what a naive list of the last W outcomes counts. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 7, 50})
  void matchesANaiveSlidingWindow(long capacity) {
    Random random = new Random(capacity * 31 + 5);
    Deque<Boolean> naive = new ArrayDeque<>();
    InactivityWindow w = InactivityWindow.EMPTY;
    for (int i = 0; i < 5_000; i++) {
      // bursts: long runs of downtime and uptime, as real outages look
      boolean failed = (i / (1 + random.nextInt(20))) % 2 == 0 ? random.nextInt(10) < 8 : random.nextInt(10) < 1;
      naive.addLast(failed);
      if (naive.size() > capacity) {
        naive.removeFirst();
      }
      w = w.record(failed, capacity);
      long expected = naive.stream().filter(b -> b).count();
      assertThat(w.failures()).as("slot %d", i).isEqualTo(expected);
      assertThat(w.length()).isLessThanOrEqualTo(capacity);
      assertThat(w.isEmpty()).isEqualTo(expected == 0);
    }
  }
}
