package dev.bulwark.consensus.persistence;

/** The block tree could not be stored or read back. */
public final class BlockTreeStorageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A failure described by {@code message}, caused by {@code cause}. */
  public BlockTreeStorageException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A failure described by {@code message}. */
  public BlockTreeStorageException(String message) {
    super(message);
  }
}
