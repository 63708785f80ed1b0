package dev.bulwark.node.audit;

/**
 * What an audit found: blocks (and their transactions) replayed and checked, whether supply balanced at each, slashes seen
 * in the stored receipts and how many no committed evidence or inactivity record backs, whether
 * every commit proof verified, and whether the replay reached the stored head.
 */
public record AuditReport(long blocks, long transactions, boolean supplyOk, long slashes,
    long unbackedSlashes, boolean proofsOk, boolean complete) {
  public AuditReport {
    if (blocks < 0 || transactions < 0 || slashes < 0 || unbackedSlashes < 0) {
      throw new IllegalArgumentException("audit counts must not be negative");
    }
  }

  /** True when the books balance, every slash is backed and every proof verifies. */
  public boolean passed() {
    return complete && supplyOk && unbackedSlashes == 0 && proofsOk;
  }

  /** The one summary line {@code bulwark audit} ends with. */
  public String summaryLine() {
    return "audit: blocks=" + blocks + " supply_ok=" + supplyOk + " slashes=" + slashes
        + " unbacked_slashes=" + unbackedSlashes + " proofs_ok=" + proofsOk;
  }
}
