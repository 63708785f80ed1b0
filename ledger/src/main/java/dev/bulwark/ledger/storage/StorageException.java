package dev.bulwark.ledger.storage;

/** An I/O or consistency failure of the key-value store; the message names the data directory. */
public class StorageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A failure described by {@code message}. */
  public StorageException(String message) {
    super(message);
  }

  /** A failure described by {@code message}, caused by {@code cause}. */
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
