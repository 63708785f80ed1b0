package dev.bulwark.ledger.chain;

/** The kind of signed message an equivocation consists of; {@link #code()} is its wire form. */
public enum EvidenceKind {
  /** Two different proposals by one leader for one round. */
  PROPOSAL(1, "proposal"),
  /** Two different votes by one validator for one round. */
  VOTE(2, "vote"),
  /** Two different timeout messages by one validator for one round. */
  TIMEOUT(3, "timeout");

  private final int code;
  private final String domain;

  EvidenceKind(int code, String domain) {
    this.code = code;
    this.domain = domain;
  }

  /** The wire code (stable, unlike the ordinal). */
  public int code() {
    return code;
  }

  /** The domain tag that opens the signing bytes of this kind of message. */
  public String domain() {
    return domain;
  }

  /** The kind with wire code {@code code}; IllegalArgumentException for an unknown code. */
  public static EvidenceKind ofCode(long code) {
    for (EvidenceKind k : values()) {
      if (k.code == code) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown evidence kind code " + code);
  }
}
