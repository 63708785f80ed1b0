package dev.bulwark.ledger.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AwaitTest {
  private final AtomicInteger counter = new AtomicInteger();

  @Test
  void untilReturnsTheFirstAcceptedObservation() {
    int seen = Await.until("counter at 3", Duration.ofSeconds(5), counter::incrementAndGet, n -> n >= 3);
    assertThat(seen).isEqualTo(3);
  }

  @Test
  void untilKeepsPollingThroughFailingObservations() {
    int seen = Await.until("a node that comes up", Duration.ofSeconds(5), () -> {
      if (counter.incrementAndGet() < 3) {
        throw new IllegalStateException("connection refused");
      }
      return counter.get();
    }, n -> true);
    assertThat(seen).isEqualTo(3);
  }

  @Test
  void untilTimesOutNamingWhatAndTheLastObservation() {
    long start = System.nanoTime();
    assertThatThrownBy(() -> Await.until("counter at 1000", Duration.ofMillis(300), counter::incrementAndGet,
            n -> n >= 1000))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("awaiting counter at 1000")
        .hasMessageMatching("(?s).*the last: " + counter.get() + " \\(at .*");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(300), Duration.ofSeconds(3));
    assertThat(counter.get()).as("observations in 300 ms at one per 100 ms").isBetween(3, 6);
  }

  @Test
  void duringWatchesTheWholeWindow() {
    long start = System.nanoTime();
    int last = Await.during("counter stays small", Duration.ofMillis(300), counter::incrementAndGet, n -> n < 100);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    assertThat(last).isEqualTo(counter.get()).isBetween(3, 6);
  }

  @Test
  void duringFailsAtTheFirstViolation() {
    assertThatThrownBy(() -> Await.during("counter below 2", Duration.ofSeconds(30), counter::incrementAndGet,
            n -> n < 2))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("counter below 2")
        .hasMessageEndingWith("observed: 2");
    assertThat(counter.get()).isEqualTo(2);
  }
}
