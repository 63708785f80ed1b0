package dev.bulwark.node.runtime;

/** The node cannot start: bad keys, a store of another chain, a port in use. */
public final class NodeStartException extends Exception {
  private static final long serialVersionUID = 1L;

  /** A failure described by {@code message}. */
  public NodeStartException(String message) {
    super(message);
  }

  /** A failure described by {@code message}, caused by {@code cause}. */
  public NodeStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
