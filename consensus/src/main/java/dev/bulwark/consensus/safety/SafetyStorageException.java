package dev.bulwark.consensus.safety;

/** The safety data could not be read or made durable; the node must not sign anything. */
public final class SafetyStorageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A failure described by {@code message}. */
  public SafetyStorageException(String message) {
    super(message);
  }

  /** A failure described by {@code message}, caused by {@code cause}. */
  public SafetyStorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
