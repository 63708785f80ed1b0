package dev.bulwark.ledger.staking;

/** Call data that is not the canonical ABI encoding of the expected arguments. */
public final class AbiDecodeException extends Exception {
  private static final long serialVersionUID = 1L;

  /** A decoding failure, detailed by {@code message}. */
  public AbiDecodeException(String message) {
    super(message);
  }
}
