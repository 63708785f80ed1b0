package dev.bulwark.consensus.liveness;

import dev.bulwark.ledger.chain.LeaderSchedule;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.types.Address;

/**
 * Who may propose in each round of an epoch. The rule itself — stake-weighted rotation, a pure
 * function of (epoch, round, validator set); see {@link LeaderSchedule} for it and for why it is a
 * rotation with no reputation — lives in the ledger, because execution must attribute skipped
 * rounds (inactivity) to exactly the leaders consensus elected.
 */
public final class ProposerElection {
  private final LeaderSchedule schedule;

  /** The election for the epoch of {@code validators}. */
  public ProposerElection(ValidatorSet validators) {
    this.schedule = LeaderSchedule.of(validators);
  }

  /** The leader of {@code round} in this epoch. */
  public Address leader(long round) {
    return schedule.leader(round);
  }

  /** The leader's index in the validator set. */
  public int leaderIndex(long round) {
    return schedule.leaderIndex(round);
  }

  /** The validator set this election draws from. */
  public ValidatorSet validators() {
    return schedule.validators();
  }
}
