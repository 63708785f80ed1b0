package dev.bulwark.ledger.crypto.bls;

/**
 * A BLS signature to aggregate is not a point of the G2 subgroup: bad input from whoever signed it,
 * which an aggregator of other parties' signatures must expect (and drop), unlike a misuse.
 */
public final class InvalidSignaturePointException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The signature {@code message} describes is not in G2. */
  public InvalidSignaturePointException(String message) {
    super(message);
  }
}
