package dev.bulwark.ledger.tx;

import dev.bulwark.ledger.types.UInt256;
import java.math.BigInteger;

/** Range checks for the unsigned integer fields of transactions. */
final class Uint {
  private Uint() {}

  /** Returns {@code value} if it is a uint256, else throws IllegalArgumentException naming it. */
  static BigInteger check256(BigInteger value, String name) {
    return UInt256.check(value, name);
  }

  /** A uint64 held in a long's bits, as a non-negative BigInteger. */
  static BigInteger unsigned(long value) {
    BigInteger v = BigInteger.valueOf(value);
    return value >= 0 ? v : v.add(BigInteger.ONE.shiftLeft(64));
  }
}
