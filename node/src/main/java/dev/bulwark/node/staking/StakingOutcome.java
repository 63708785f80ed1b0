package dev.bulwark.node.staking;

import dev.bulwark.ledger.types.Hash;
import java.util.Optional;

/**
 * The receipt of a submitted staking call: where it was included, whether it succeeded, and the
 * staking module's revert reason when it did not.
 */
public record StakingOutcome(Hash transaction, long blockNumber, long gasUsed, boolean success,
    Optional<String> revertReason) {
  public StakingOutcome {
    if (transaction == null || revertReason == null) {
      throw new IllegalArgumentException("a staking outcome needs its transaction and reason");
    }
    if (success && revertReason.isPresent()) {
      throw new IllegalArgumentException("a successful call has no revert reason");
    }
  }
}
