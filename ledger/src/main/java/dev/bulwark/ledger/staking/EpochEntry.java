package dev.bulwark.ledger.staking;

import dev.bulwark.ledger.chain.ValidatorSet;

/**
 * An epoch's validator set and the number of its first block, from which the age of evidence
 * about the epoch is measured.
 */
public record EpochEntry(ValidatorSet set, long startBlock) {
  public EpochEntry {
    if (set == null || startBlock < 1) {
      throw new IllegalArgumentException("epoch entry needs a set and a start block >= 1");
    }
  }

  /** The epoch number. */
  public long epoch() {
    return set.epoch();
  }
}
