package dev.bulwark.consensus.message;

import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.chain.CommitProof;
import dev.bulwark.ledger.chain.TimeoutCertificate;
import dev.bulwark.ledger.types.Hash;
import java.util.List;

/** Argument checks the message records share; all throw IllegalArgumentException. */
final class Checks {
  private Checks() {}

  static <T> T present(T value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " is missing (null)");
    }
    return value;
  }

  static long nonNegative(long value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must not be negative, got " + value);
    }
    return value;
  }

  static void sameEpoch(long actual, long expected, String what) {
    if (actual != expected) {
      throw new IllegalArgumentException(what + " is from epoch " + actual + ", not " + expected);
    }
  }

  /** A TC attached to a message of {@code round} must be for the round before, same epoch. */
  static void previousRoundTc(TimeoutCertificate tc, long epoch, long round) {
    if (tc.epoch() != epoch || tc.round() + 1 != round) {
      throw new IllegalArgumentException(
          "attached TC is for epoch "
              + tc.epoch()
              + " round "
              + tc.round()
              + ", expected epoch "
              + epoch
              + " round "
              + (round - 1));
    }
  }

  /**
   * The proof path must continue the chain from {@code last}, in {@code last}'s epoch, and the
   * proof must commit its final block ({@code last} itself when the path is empty).
   */
  static void proofPathLinks(BlockHeader last, List<BlockHeader> path, CommitProof proof) {
    Hash tip = last.hash();
    for (BlockHeader h : path) {
      if (!h.parentHash().equals(tip) || h.epoch() != last.epoch()) {
        throw new IllegalArgumentException(
            "proof path header "
                + h.number()
                + " does not extend the committed chain within its epoch");
      }
      tip = h.hash();
    }
    if (!proof.committedBlockId().equals(tip)) {
      throw new IllegalArgumentException(
          "commit proof finalises " + proof.committedBlockId() + ", not " + tip);
    }
    if (proof.epoch() != last.epoch()) {
      throw new IllegalArgumentException(
          "commit proof is from epoch " + proof.epoch() + ", the blocks from " + last.epoch());
    }
  }
}
