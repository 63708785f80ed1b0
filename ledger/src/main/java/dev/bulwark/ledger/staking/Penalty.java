package dev.bulwark.ledger.staking;

import java.math.BigInteger;

/** Slashing arithmetic in basis points (1 bps = 0.01%). */
final class Penalty {
  private static final BigInteger BPS_DENOMINATOR = BigInteger.valueOf(10_000);

  private Penalty() {}

  /** floor(amount × bps / 10000): rounding down never takes more than the fraction. */
  static BigInteger of(BigInteger amount, long bps) {
    return amount.multiply(BigInteger.valueOf(bps)).divide(BPS_DENOMINATOR);
  }
}
