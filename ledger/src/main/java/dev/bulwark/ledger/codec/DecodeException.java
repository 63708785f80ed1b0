package dev.bulwark.ledger.codec;

/** Raised by every Bulwark decoder for malformed input; never anything else for bad bytes. */
public class DecodeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DecodeException(String message) {
    super(message);
  }

  public DecodeException(String message, Throwable cause) {
    super(message, cause);
  }
}
