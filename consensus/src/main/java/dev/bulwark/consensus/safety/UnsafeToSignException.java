package dev.bulwark.consensus.safety;

/**
 * {@link SafetyRules} refused to sign: the request would break a safety rule or does not fit the
 * current epoch. Expected in normal operation (late proposals, stale rounds).
 */
public final class UnsafeToSignException extends Exception {
  private static final long serialVersionUID = 1L;

  /** A refusal explained by {@code message}. */
  public UnsafeToSignException(String message) {
    super(message);
  }
}
