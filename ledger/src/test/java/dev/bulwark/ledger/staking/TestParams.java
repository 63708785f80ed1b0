package dev.bulwark.ledger.staking;

import dev.bulwark.ledger.execution.ChainParams;
import dev.bulwark.ledger.types.Address;
import java.math.BigInteger;

/** Chain parameters for staking tests: the genesis defaults, scaled down where tests need it. */
final class TestParams {
  static final long CHAIN_ID = 1337;
  static final Address ADMIN = Address.fromHex("0xad00000000000000000000000000000000000001");
  static final BigInteger MIN_STAKE = BigInteger.valueOf(1_000);

  long epochLengthBlocks = 100;
  long maxValidators = 100;
  BigInteger minStake = MIN_STAKE;
  long unbondingPeriodBlocks = 50;
  long jailDurationBlocks = 20;
  long equivocationSlashBps = 500;
  long maxEvidenceAgeBlocks = 40;
  long inactivityWindowSlots = 2000;
  long inactivityThresholdSlots = 1800;
  long inactivitySlashBps = 10;

  /** The parameters as set. */
  ChainParams build() {
    return new ChainParams(CHAIN_ID, epochLengthBlocks, maxValidators, minStake,
        unbondingPeriodBlocks, jailDurationBlocks, equivocationSlashBps, maxEvidenceAgeBlocks,
        inactivityWindowSlots, inactivityThresholdSlots, inactivitySlashBps, 30_000_000,
        BigInteger.valueOf(1_000_000_000L), 100_000, ADMIN);
  }
}
