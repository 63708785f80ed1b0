package dev.bulwark.ledger.tx;

import dev.bulwark.ledger.codec.DecodeException;

/** Raw bytes whose first byte names no transaction type Bulwark decodes (e.g. 0x03 blob). */
public final class UnsupportedTransactionTypeException extends DecodeException {
  private static final long serialVersionUID = 1L;

  /** Ethereum's text for this rejection (geth ErrTxTypeNotSupported). */
  public static final String MESSAGE = "transaction type not supported";

  private final int firstByte;

  /** A rejection of the envelope starting with {@code firstByte} (0-255). */
  public UnsupportedTransactionTypeException(int firstByte) {
    super(MESSAGE);
    this.firstByte = firstByte;
  }

  /** The first byte of the rejected input, 0-255. */
  public int firstByte() {
    return firstByte;
  }
}
