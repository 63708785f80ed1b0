package dev.bulwark.ledger.staking;

import dev.bulwark.ledger.execution.Log;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Hash;
import java.math.BigInteger;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slashes and jails a validator: takes floor(amount × bps / 10000) of its bonded stake and of
 * each unbonding entry, burns it (the module account shrinks by exactly that much, so the total
 * supply falls by the slashed amount) and jails it until {@code number + jailDurationBlocks}.
 */
final class Slasher {
  private static final Logger LOG = LoggerFactory.getLogger(Slasher.class);
  private final long jailDurationBlocks;

  Slasher(long jailDurationBlocks) {
    this.jailDurationBlocks = jailDurationBlocks;
  }

  /** Applies the penalty in block {@code number}; returns the Slashed and Jailed logs. */
  List<Log> slash(StakingWriter w, Address validator, long bps, SlashReason reason,
      Hash evidenceId, long number) {
    ValidatorRecord record = w.validator(validator).orElseThrow(
        () -> new IllegalStateException("slashing unregistered validator " + validator));
    BigInteger fromBonded = Penalty.of(record.bonded(), bps);
    Unbonding unbonding = w.unbonding(validator);
    Unbonding left = unbonding.slashed(bps);
    BigInteger fromUnbonding = unbonding.total().subtract(left.total());
    long until = number + jailDurationBlocks;
    ValidatorRecord after = record.withBonded(record.bonded().subtract(fromBonded)).jailUntil(until);
    w.putValidator(validator, after);
    w.putUnbonding(validator, left);
    w.adjustModuleBalance(fromBonded.add(fromUnbonding).negate());
    // DEBUG: a block may be executed more than once (proposal, then commit)
    LOG.debug("block {}: {} slashed for {}: {} bonded + {} unbonding burned, jailed until {}",
        number, validator, reason, fromBonded, fromUnbonding, after.jailedUntil());
    return List.of(
        StakingEvent.SLASHED.log(StakingModule.ADDRESS, validator,
            reason.code(), fromBonded, fromUnbonding, evidenceId),
        StakingEvent.JAILED.log(StakingModule.ADDRESS, validator,
            reason.code(), BigInteger.valueOf(after.jailedUntil())));
  }
}
