package dev.bulwark.consensus.round;

import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockHeader;
import java.util.ArrayList;
import java.util.List;

/**
 * What a voter checks of a proposed block against its parent, beyond the header's own rules:
 * height, strictly increasing timestamp not too far ahead of the local clock, the skipped rounds,
 * and the empty body required after the epoch-ending block.
 */
final class BlockRules {
  private BlockRules() {}

  /**
   * The rounds a block of {@code round} on a parent certified at {@code parentRound} records as
   * skipped: every round in between, whose leader produced nothing this chain kept.
   */
  static List<Long> skippedRounds(long parentRound, long round) {
    List<Long> out = new ArrayList<>();
    for (long r = parentRound + 1; r < round; r++) {
      out.add(r);
    }
    return out;
  }

  static void check(
      Block block, Block parent, boolean mustBeEmpty, long now, long maxClockSkewMillis)
      throws InvalidMessageException {
    BlockHeader h = block.header();
    BlockHeader p = parent.header();
    if (h.number() != p.number() + 1) {
      throw invalid("block number " + h.number() + " does not follow parent " + p.number());
    }
    if (h.timestampMillis() <= p.timestampMillis()) {
      throw invalid(
          "timestamp " + h.timestampMillis() + " is not after the parent's " + p.timestampMillis());
    }
    if (h.timestampMillis() > now + maxClockSkewMillis) {
      throw new InvalidMessageException(
          PenaltyReason.TOO_FAR_IN_FUTURE,
          "timestamp "
              + h.timestampMillis()
              + " is more than "
              + maxClockSkewMillis
              + " ms ahead of "
              + now);
    }
    long parentRound = h.parentQc().orElseThrow().round();
    if (!h.skippedRounds().equals(skippedRounds(parentRound, h.round()))) {
      throw invalid(
          "skipped rounds "
              + h.skippedRounds()
              + " are not the rounds between "
              + parentRound
              + " and "
              + h.round());
    }
    if (mustBeEmpty && (!block.transactions().isEmpty() || !block.evidence().isEmpty())) {
      throw invalid("blocks after the epoch-ending block must be empty");
    }
  }

  private static InvalidMessageException invalid(String message) {
    return new InvalidMessageException(PenaltyReason.INVALID_BLOCK, message);
  }
}
