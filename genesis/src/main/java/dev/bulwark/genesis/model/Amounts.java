package dev.bulwark.genesis.model;

import dev.bulwark.ledger.types.UInt256;
import java.math.BigInteger;

/** Token amounts as genesis writes them: uint256 values in decimal strings of the base unit. */
public final class Amounts {
  /** 2^256 - 1. */
  public static final BigInteger MAX_UINT256 = UInt256.MAX;
  /** 10^18 base units: one whole token, as one ether is 10^18 wei. */
  public static final BigInteger ONE_TOKEN = BigInteger.TEN.pow(18);
  private static final int MAX_DIGITS = MAX_UINT256.toString().length();

  private Amounts() {}

  /** {@code n} whole tokens in base units. */
  public static BigInteger tokens(long n) {
    return ONE_TOKEN.multiply(BigInteger.valueOf(n));
  }

  /** Parses a canonical decimal string within uint256; IllegalArgumentException says why not. */
  public static BigInteger parseDecimal(String text) {
    if (text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException(
          "must be a decimal string of digits (no sign, exponent, hex or spaces)");
    }
    if (text.length() > 1 && text.charAt(0) == '0') {
      throw new IllegalArgumentException("must not have leading zeros");
    }
    // Length first: parsing a huge digit string is quadratic.
    if (text.length() > MAX_DIGITS || new BigInteger(text).compareTo(MAX_UINT256) > 0) {
      throw new IllegalArgumentException("exceeds the uint256 range");
    }
    return new BigInteger(text);
  }

  /** The reason {@code v} is not a uint256, or null when it is. */
  public static String uint256Problem(BigInteger v) {
    if (v == null) {
      return "is missing";
    }
    if (v.signum() < 0) {
      return "must not be negative";
    }
    return v.compareTo(MAX_UINT256) > 0 ? "exceeds the uint256 range" : null;
  }
}
