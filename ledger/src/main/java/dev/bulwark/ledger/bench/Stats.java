package dev.bulwark.ledger.bench;

import java.util.Arrays;

/** Small statistics helpers for the benchmark. */
final class Stats {
  private Stats() {}

  /** The median of {@code values} (the upper one of an even count); NaN when empty. */
  static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
