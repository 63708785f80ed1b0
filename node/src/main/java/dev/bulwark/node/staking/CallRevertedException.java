package dev.bulwark.node.staking;

/** The staking module refused a call (JSON-RPC error code 3); the message is its revert reason. */
public final class CallRevertedException extends Exception {
  private static final long serialVersionUID = 1L;

  /** A revert with {@code reason}. */
  public CallRevertedException(String reason) {
    super(reason);
  }
}
