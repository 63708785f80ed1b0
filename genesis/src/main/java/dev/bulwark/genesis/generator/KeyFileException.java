package dev.bulwark.genesis.generator;

/** Key files, or the files of a generated network, that cannot be written or read. */
public final class KeyFileException extends Exception {
  private static final long serialVersionUID = 1L;

  /** An exception with a message naming the file and the reason. */
  public KeyFileException(String message) {
    super(message);
  }

  /** An exception with a message and the I/O cause. */
  public KeyFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
