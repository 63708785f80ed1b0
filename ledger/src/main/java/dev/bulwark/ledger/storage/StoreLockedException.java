package dev.bulwark.ledger.storage;

/** The data directory is held open by another process (or already by this one). */
public final class StoreLockedException extends StorageException {
  private static final long serialVersionUID = 1L;

  /** A lock conflict described by {@code message}, caused by {@code cause} when known. */
  public StoreLockedException(String message, Throwable cause) {
    super(message, cause);
  }
}
