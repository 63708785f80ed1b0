package dev.bulwark.ledger.staking;

import java.math.BigInteger;

/** Stake on its way out: {@code amount} becomes withdrawable at block {@code releaseBlock}. */
public record UnbondingEntry(BigInteger amount, long releaseBlock) {
  public UnbondingEntry {
    if (amount == null || amount.signum() <= 0) {
      throw new IllegalArgumentException("unbonding amount must be positive, got " + amount);
    }
    if (releaseBlock < 0) {
      throw new IllegalArgumentException("release block must not be negative, got " + releaseBlock);
    }
  }

  /** True when the entry may be withdrawn in block {@code number}. */
  public boolean maturedAt(long number) {
    return releaseBlock <= number;
  }
}
