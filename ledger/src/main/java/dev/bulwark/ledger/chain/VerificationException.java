package dev.bulwark.ledger.chain;

/** A certificate, commit proof or piece of evidence that does not verify, and why. */
public final class VerificationException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why verification failed. */
  public enum Fault {
    /** Signed for another chain id than the one expected. */
    WRONG_CHAIN,
    /** Signed in another epoch than the validator set's. */
    WRONG_EPOCH,
    /** The signer bitmap's size is not the validator set's size. */
    WRONG_BITMAP_SIZE,
    /** The signers hold less than the quorum power floor(2W/3)+1. */
    INSUFFICIENT_POWER,
    /** The (aggregate) signature does not verify for the claimed signers and messages. */
    BAD_SIGNATURE
  }

  private final Fault fault;

  /** A failure of kind {@code fault}, detailed by {@code message}. */
  public VerificationException(Fault fault, String message) {
    super(fault + ": " + message);
    this.fault = fault;
  }

  /** The kind of failure. */
  public Fault fault() {
    return fault;
  }
}
