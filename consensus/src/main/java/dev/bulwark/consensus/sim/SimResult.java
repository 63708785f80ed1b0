package dev.bulwark.consensus.sim;

import java.util.List;

/**
 * The outcome of one run: blocks committed (the highest height any honest node reached), the
 * broken invariants, and a hash of the whole trace (equal for equal seeds).
 */
public record SimResult(
    String scenario, int validators, long seed, boolean realBls, long commits,
    List<Violation> violations, long traceHash, long events) {
  public SimResult {
    violations = List.copyOf(violations);
  }

  /** True when a safety invariant broke. */
  public boolean safetyViolated() {
    return has(Violation.Kind.SAFETY);
  }

  /** True when an honest node stalled after GST. */
  public boolean livenessFailed() {
    return has(Violation.Kind.LIVENESS);
  }

  /** True when evidence of an observed equivocation was never reported. */
  public boolean evidenceMissed() {
    return has(Violation.Kind.EVIDENCE_MISSED);
  }

  /** True when any invariant broke. */
  public boolean failed() {
    return !violations.isEmpty();
  }

  private boolean has(Violation.Kind kind) {
    return violations.stream().anyMatch(v -> v.kind() == kind);
  }
}
