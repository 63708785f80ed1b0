package dev.bulwark.ledger.types;

import java.math.BigInteger;

/** The uint256 range that amounts, fees and ABI integers share: 0 ≤ v &lt; 2^256. */
public final class UInt256 {
  /** 2^256: every uint256 is strictly below it. */
  public static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);
  /** 2^256 − 1, the largest uint256. */
  public static final BigInteger MAX = TWO_256.subtract(BigInteger.ONE);

  private UInt256() {}

  /** True when {@code value} is non-null and within the uint256 range. */
  public static boolean isValid(BigInteger value) {
    return value != null && value.signum() >= 0 && value.compareTo(TWO_256) < 0;
  }

  /** Returns {@code value} if it is a uint256, else throws IllegalArgumentException naming it. */
  public static BigInteger check(BigInteger value, String name) {
    if (!isValid(value)) {
      throw new IllegalArgumentException(name + " must be a uint256, got " + value);
    }
    return value;
  }
}
