package dev.bulwark.consensus.sim;

/** A broken invariant found in a run, at simulated time {@code atMillis} from the start. */
public record Violation(Kind kind, long atMillis, String detail) {
  /** Which invariant broke. */
  public enum Kind {
    /** Agreement: two honest nodes committed different blocks at one height (a safety fault). */
    FORK,
    /** Validity, an honest validator signing two different messages, or another safety rule. */
    SAFETY,
    /** An honest node made no progress within the liveness window after GST. */
    LIVENESS,
    /** Conflicting signed messages reached an honest node that never reported evidence. */
    EVIDENCE_MISSED
  }

  @Override
  public String toString() {
    return kind + " at " + atMillis + " ms: " + detail;
  }
}
