package dev.bulwark.consensus.port;

/**
 * The ledger refused a commit consensus decided (the blocks do not extend its chain, or one is
 * invalid): the node's ledger and its consensus would diverge, so the node must stop.
 */
public final class CommitRefusedException extends Exception {
  private static final long serialVersionUID = 1L;

  /** A refusal for {@code reason}. */
  public CommitRefusedException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
