package dev.bulwark.node.loadgen;

/** A load run that cannot go on: an endpoint unreachable, a setup call refused, funding stuck. */
public final class LoadgenException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A failure described by {@code message}. */
  public LoadgenException(String message) {
    super(message);
  }

  /** A failure described by {@code message}, caused by {@code cause}. */
  public LoadgenException(String message, Throwable cause) {
    super(message, cause);
  }
}
