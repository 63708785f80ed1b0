package dev.bulwark.node.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The open-loop schedule: arrivals at i / rate regardless of answers, and nothing past the end. */
class OpenLoopScheduleTest {
  private static final long MS = 1_000_000;

  @Test
  void transactionsFallDueAtOneOverTheRate() {
    OpenLoopSchedule s = new OpenLoopSchedule(500, 2);
    assertThat(s.total()).isEqualTo(1000);
    assertThat(s.dueBy(-1)).isZero();
    assertThat(s.dueBy(0)).isEqualTo(1); // the first is due at the start
    assertThat(s.dueBy(2 * MS - 1)).isEqualTo(1);
    assertThat(s.dueBy(2 * MS)).isEqualTo(2);
    assertThat(s.dueBy(1000 * MS)).isEqualTo(501);
    assertThat(s.dueAtNanos(250)).isEqualTo(500 * MS);
    assertThat(s.nanosUntilNext(MS)).isEqualTo(MS);
  }

  @Test
  void aLateSenderFindsTheWholeBacklogDueAndTheScheduleEnds() {
    OpenLoopSchedule s = new OpenLoopSchedule(1000, 1.5);
    assertThat(s.total()).isEqualTo(1500);
    // a sender that stalled 300 ms owes everything due meanwhile: the rate does not slow down
    assertThat(s.dueBy(300 * MS)).isEqualTo(301);
    assertThat(s.dueBy(10_000 * MS)).isEqualTo(1500);
    assertThat(s.nanosUntilNext(10_000 * MS)).isEqualTo(-1);
  }

  @Test
  void fractionalRatesRoundTheCountUp() {
    OpenLoopSchedule s = new OpenLoopSchedule(2.5, 3);
    assertThat(s.total()).isEqualTo(8);
    assertThat(s.dueAtNanos(1)).isEqualTo(400 * MS);
  }
}
