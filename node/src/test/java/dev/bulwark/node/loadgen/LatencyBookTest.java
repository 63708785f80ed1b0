package dev.bulwark.node.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Latency accounting: window membership, first announcement wins, lost and in-flight counts. */
class LatencyBookTest {
  private static final long MS = 1_000_000;

  @Test
  void latencyRunsFromSubmissionToTheFirstAnnouncementAndOnlyTheWindowCounts() {
    LatencyBook book = new LatencyBook(5);
    book.submitted(0, 0);             // warm-up
    book.submitted(1, 1000 * MS);
    book.submitted(2, 1500 * MS);
    book.submitted(3, 2500 * MS);
    book.submitted(4, 3000 * MS);     // after the window
    for (int i = 0; i < 5; i++) {
      book.accepted(i);
    }
    assertThat(book.committed(0, 1200 * MS)).isTrue();
    assertThat(book.committed(1, 1200 * MS)).isTrue();
    assertThat(book.committed(1, 1900 * MS)).isFalse(); // a second node's announcement
    assertThat(book.committed(2, 2400 * MS)).isTrue();
    assertThat(book.committed(4, 3100 * MS)).isTrue();
    // 3 accepted, never announced

    LatencyBook.Window w = book.window(1000 * MS, 3000 * MS);
    assertThat(w.seconds()).isEqualTo(2.0);
    assertThat(w.offered()).isEqualTo(3);           // 1, 2, 3
    assertThat(w.committed()).isEqualTo(3);         // announced at 1200 (0 and 1) and 2400
    assertThat(w.lost()).isEqualTo(1);              // 3
    assertThat(w.latencies()).containsExactly(200 * MS, 900 * MS);
    assertThat(w.percentileMillis(0.5)).isEqualTo(200.0);
    assertThat(w.percentileMillis(0.99)).isEqualTo(900.0);
    assertThat(w.percentileMillis(1.0)).isEqualTo(900.0);
    assertThat(w.unsent()).isZero();
    assertThat(book.inFlight()).isEqualTo(1);
    assertThat(book.acceptedNotCommitted()).isEqualTo(1);
  }

  @Test
  void refusalsCountByMessageAndAreNeitherInFlightNorLost() {
    LatencyBook book = new LatencyBook(4);
    for (int i = 0; i < 4; i++) {
      book.submitted(i, i * MS);
    }
    book.refused(0, "nonce too low");
    book.refused(1, "nonce too low");
    book.refused(2, "request failed: HTTP 503");
    book.accepted(2); // a late answer after a refusal changes nothing
    book.accepted(3);
    assertThat(book.errors()).isEqualTo(3);
    assertThat(book.errorsByMessage()).containsExactly(
        java.util.Map.entry("nonce too low", 2L), java.util.Map.entry("request failed: HTTP 503", 1L));
    assertThat(book.inFlight()).isEqualTo(1);
    assertThat(book.window(0, 10 * MS).lost()).isEqualTo(1);
    assertThat(book.window(0, 10 * MS).percentileMillis(0.5)).isZero();
  }

  @Test
  void aFrozenBookIgnoresLateReports() {
    LatencyBook book = new LatencyBook(3);
    book.submitted(0, 0);
    book.submitted(1, 0);
    book.submitted(2, 0);
    book.accepted(0);
    book.freeze();
    book.accepted(1);
    book.refused(2, "late");
    assertThat(book.committed(0, MS)).isFalse();
    assertThat(book.acceptedCount()).isEqualTo(1);
    assertThat(book.errors()).isZero();
    assertThat(book.window(0, 10 * MS).lost()).isEqualTo(1);
  }

  @Test
  void anAnnouncementBeforeTheAnswerCountsAsAccepted() {
    LatencyBook book = new LatencyBook(1);
    book.submitted(0, 0);
    book.committed(0, 50 * MS);
    book.accepted(0);
    assertThat(book.acceptedCount()).isEqualTo(1);
    assertThat(book.window(0, 100 * MS).lost()).isZero();
  }
}
