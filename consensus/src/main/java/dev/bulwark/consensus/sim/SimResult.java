package dev.bulwark.consensus.sim;

import java.util.List;

/**
 * The outcome of one run: blocks committed (the highest height any honest node reached), the broken
 * invariants, a hash of the whole trace (equal for equal seeds), and how many distinct offences
 * honest nodes reported and how many of them ended up in blocks they committed.
 */
public record SimResult(
    String scenario,
    int validators,
    long seed,
    boolean realBls,
    long commits,
    List<Violation> violations,
    long traceHash,
    long events,
    int offencesReported,
    int offencesSlashed) {
  public SimResult {
    violations = List.copyOf(violations);
  }

  /**
   * True when a safety invariant broke. For the negative control only a fork between honest nodes
   * counts: it must be the fault the monitors find there, not some incidental one.
   */
  public boolean safetyViolated() {
    return forked()
        || (!Scenarios.BEYOND_THRESHOLD.name().equals(scenario) && has(Violation.Kind.SAFETY));
  }

  /** True when two honest nodes committed different blocks at one height. */
  public boolean forked() {
    return has(Violation.Kind.FORK);
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
