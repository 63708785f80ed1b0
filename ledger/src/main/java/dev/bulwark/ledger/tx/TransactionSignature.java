package dev.bulwark.ledger.tx;

import java.math.BigInteger;

/**
 * The (yParity, r, s) of a transaction as carried on the wire. Any uint256 r and s is accepted
 * here, because the codec must represent every well-formed transaction; whether they form a valid
 * EIP-2 signature is decided by sender recovery.
 */
public record TransactionSignature(int yParity, BigInteger r, BigInteger s) {
  /** Placeholder for a transaction that is about to be signed. */
  public static final TransactionSignature NONE =
      new TransactionSignature(0, BigInteger.ZERO, BigInteger.ZERO);

  public TransactionSignature {
    if (yParity != 0 && yParity != 1) {
      throw new IllegalArgumentException("yParity must be 0 or 1, got " + yParity);
    }
    Uint.check256(r, "signature r");
    Uint.check256(s, "signature s");
  }
}
