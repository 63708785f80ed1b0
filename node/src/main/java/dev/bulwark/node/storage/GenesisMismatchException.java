package dev.bulwark.node.storage;

/** A data directory's stored genesis differs from the one given, or cannot be read. */
public final class GenesisMismatchException extends Exception {
  private static final long serialVersionUID = 1L;

  /** A mismatch described by {@code message}. */
  public GenesisMismatchException(String message) {
    super(message);
  }
}
