package dev.bulwark.ledger.staking;

/** A staking call that must revert with {@link #reason()} (surfaced as the revert reason). */
final class Revert extends Exception {
  private static final long serialVersionUID = 1L;

  Revert(String reason) {
    super(reason, null, false, false); // control flow, not a fault: no stack trace needed
  }

  String reason() {
    return getMessage();
  }
}
