package dev.bulwark.consensus.port;

import dev.bulwark.ledger.chain.ValidatorSet;
import java.util.Optional;

/**
 * Validator sets by epoch, read from committed state only (never from local observations), so every
 * honest node sees the same set for an epoch. Used when a node starts or recovers; later sets
 * arrive with the {@code EpochChange} event after the epoch-ending block is applied.
 */
public interface EpochProvider {
  /** The set of {@code epoch}, if committed state already determines it. */
  Optional<ValidatorSet> validatorSet(long epoch);
}
