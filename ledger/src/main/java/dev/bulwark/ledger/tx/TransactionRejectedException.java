package dev.bulwark.ledger.tx;

/** A well-formed transaction that Bulwark does not admit; the message is Ethereum's text. */
public final class TransactionRejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final RejectionReason reason;

  /** A rejection for {@code reason}, whose message is the exception's message. */
  public TransactionRejectedException(RejectionReason reason) {
    super(reason.message());
    this.reason = reason;
  }

  /** Why the transaction was rejected. */
  public RejectionReason reason() {
    return reason;
  }
}
