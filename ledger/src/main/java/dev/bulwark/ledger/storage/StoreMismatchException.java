package dev.bulwark.ledger.storage;

/**
 * The data directory is not one this node may use: unknown schema version, another chain's
 * genesis, or no Bulwark metadata at all. Never retried; the operator must point elsewhere.
 */
public final class StoreMismatchException extends StorageException {
  private static final long serialVersionUID = 1L;

  /** A mismatch described by {@code message}. */
  public StoreMismatchException(String message) {
    super(message);
  }
}
