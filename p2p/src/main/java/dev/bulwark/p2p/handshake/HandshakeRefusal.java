package dev.bulwark.p2p.handshake;

/** A handshake this side refuses, with a short reason safe to send to the peer. */
public final class HandshakeRefusal extends Exception {
  private final RefusalReason reason;

  /** A refusal for {@code reason} with a human-readable detail. */
  public HandshakeRefusal(RefusalReason reason, String detail) {
    super(reason + ": " + detail);
    this.reason = reason;
  }

  /** The machine-readable reason. */
  public RefusalReason reason() {
    return reason;
  }
}
