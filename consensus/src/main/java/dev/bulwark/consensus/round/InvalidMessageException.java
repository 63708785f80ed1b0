package dev.bulwark.consensus.round;

/** A received message is invalid; the sending peer is penalised for {@link #reason()}. */
final class InvalidMessageException extends Exception {
  private static final long serialVersionUID = 1L;
  private final PenaltyReason reason;

  InvalidMessageException(PenaltyReason reason, String message) {
    super(message);
    this.reason = reason;
  }

  PenaltyReason reason() {
    return reason;
  }
}
