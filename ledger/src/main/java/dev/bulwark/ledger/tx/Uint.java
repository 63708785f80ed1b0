package dev.bulwark.ledger.tx;

import java.math.BigInteger;

/** Range checks for the unsigned integer fields of transactions. */
final class Uint {
  /** 2^256: every uint256 field is strictly below it. */
  static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);

  private Uint() {}

  /** Returns {@code value} if it is a uint256, else throws IllegalArgumentException naming it. */
  static BigInteger check256(BigInteger value, String name) {
    if (value == null || value.signum() < 0 || value.compareTo(TWO_256) >= 0) {
      throw new IllegalArgumentException(name + " must be a uint256, got " + value);
    }
    return value;
  }

  /** A uint64 held in a long's bits, as a non-negative BigInteger. */
  static BigInteger unsigned(long value) {
    BigInteger v = BigInteger.valueOf(value);
    return value >= 0 ? v : v.add(BigInteger.ONE.shiftLeft(64));
  }
}
