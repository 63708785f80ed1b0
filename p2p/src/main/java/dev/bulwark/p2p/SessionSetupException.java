package dev.bulwark.p2p;

/** A connection that did not become a session: the peer refused it or it closed mid-handshake. */
public final class SessionSetupException extends RuntimeException {
  /** An exception with the peer's reason or the local observation. */
  public SessionSetupException(String reason) {
    super(reason);
  }
}
