package dev.bulwark.rpc.proof;

import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.types.Hash;
import java.math.BigInteger;

/**
 * What an offline check established: block {@code number} with {@code hash} is final, signed by
 * {@code signedPower} of the {@code set} of its epoch.
 */
public record VerifiedCommit(long number, Hash hash, long epoch, ValidatorSet set,
    BigInteger signedPower) {
  public VerifiedCommit {
    if (number < 1 || hash == null || set == null || signedPower == null || set.epoch() != epoch) {
      throw new IllegalArgumentException("inconsistent verified commit");
    }
  }
}
