package dev.bulwark.node.staking;

/** A JSON-RPC call failed: unreachable node, HTTP error, or an error answer other than a revert. */
public final class RpcClientException extends Exception {
  private static final long serialVersionUID = 1L;

  /** A failure described by {@code message}. */
  public RpcClientException(String message) {
    super(message);
  }

  /** A failure described by {@code message}, caused by {@code cause}. */
  public RpcClientException(String message, Throwable cause) {
    super(message, cause);
  }
}
