package dev.bulwark.ledger.chain;

import dev.bulwark.ledger.chain.VerificationException.Fault;

/** The checks every certificate shares before its signature check: epoch, bitmap size, power. */
final class QuorumRule {
  private QuorumRule() {}

  /** Chain id check for callers that know which chain they are on. */
  static void checkChain(long expected, long actual, String what) throws VerificationException {
    if (expected != actual) {
      throw new VerificationException(
          Fault.WRONG_CHAIN, what + " is for chain " + actual + ", expected " + expected);
    }
  }

  /** Epoch and bitmap size must match the set. */
  static void checkShape(long epoch, SignerBitmap signers, ValidatorSet set, String what)
      throws VerificationException {
    if (epoch != set.epoch()) {
      throw new VerificationException(
          Fault.WRONG_EPOCH,
          what + " is for epoch " + epoch + ", the validator set for epoch " + set.epoch());
    }
    if (signers.size() != set.size()) {
      throw new VerificationException(
          Fault.WRONG_BITMAP_SIZE,
          what + " bitmap covers " + signers.size() + " validators, the set has " + set.size());
    }
  }

  /** The signers must hold floor(2W/3)+1 of the set's power. */
  static void checkPower(SignerBitmap signers, ValidatorSet set, String what)
      throws VerificationException {
    if (!set.hasQuorum(signers)) {
      throw new VerificationException(
          Fault.INSUFFICIENT_POWER,
          what + " signers hold " + set.powerOf(signers) + " of " + set.totalPower()
              + ", quorum is " + set.quorumPower());
    }
  }
}
