package dev.bulwark.genesis.model;

import static dev.bulwark.genesis.model.ParamSpec.*;

import dev.bulwark.ledger.types.Address;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** The chain parameters; see {@link ParamSpec} and genesis/README.md for units, ranges and defaults. */
public record GenesisParams(
    long epochLengthBlocks,
    long maxValidators,
    BigInteger minStake,
    long unbondingPeriodBlocks,
    long jailDurationBlocks,
    long equivocationSlashBps,
    long maxEvidenceAgeBlocks,
    long inactivityWindowSlots,
    long inactivityThresholdSlots,
    long inactivitySlashBps,
    long blockGasLimit,
    BigInteger minBaseFeePerGas,
    long stakingCallGas,
    Address admin) {

  public GenesisParams {
    List<Problem> problems = new ArrayList<>();
    check(problems, EPOCH_LENGTH_BLOCKS, epochLengthBlocks);
    check(problems, MAX_VALIDATORS, maxValidators);
    check(problems, MIN_STAKE, minStake);
    check(problems, UNBONDING_PERIOD_BLOCKS, unbondingPeriodBlocks);
    check(problems, JAIL_DURATION_BLOCKS, jailDurationBlocks);
    check(problems, EQUIVOCATION_SLASH_BPS, equivocationSlashBps);
    check(problems, MAX_EVIDENCE_AGE_BLOCKS, maxEvidenceAgeBlocks);
    check(problems, INACTIVITY_WINDOW_SLOTS, inactivityWindowSlots);
    check(problems, INACTIVITY_THRESHOLD_SLOTS, inactivityThresholdSlots);
    check(problems, INACTIVITY_SLASH_BPS, inactivitySlashBps);
    check(problems, BLOCK_GAS_LIMIT, blockGasLimit);
    check(problems, MIN_BASE_FEE_PER_GAS, minBaseFeePerGas);
    check(problems, STAKING_CALL_GAS, stakingCallGas);
    if (admin == null) {
      problems.add(new Problem(ADMIN.key(), "is missing"));
    }
    if (problems.isEmpty()) {
      problems.addAll(relationProblems(inactivityWindowSlots, inactivityThresholdSlots,
          unbondingPeriodBlocks, maxEvidenceAgeBlocks, blockGasLimit, stakingCallGas));
    }
    InvalidGenesisException.throwIfAny(problems);
  }

  /** The defaults of {@link ParamSpec} with the given admin account. */
  public static GenesisParams defaults(Address admin) {
    return new GenesisParams(
        EPOCH_LENGTH_BLOCKS.defaultLong(),
        MAX_VALIDATORS.defaultLong(),
        MIN_STAKE.defaultValue(),
        UNBONDING_PERIOD_BLOCKS.defaultLong(),
        JAIL_DURATION_BLOCKS.defaultLong(),
        EQUIVOCATION_SLASH_BPS.defaultLong(),
        MAX_EVIDENCE_AGE_BLOCKS.defaultLong(),
        INACTIVITY_WINDOW_SLOTS.defaultLong(),
        INACTIVITY_THRESHOLD_SLOTS.defaultLong(),
        INACTIVITY_SLASH_BPS.defaultLong(),
        BLOCK_GAS_LIMIT.defaultLong(),
        MIN_BASE_FEE_PER_GAS.defaultValue(),
        STAKING_CALL_GAS.defaultLong(),
        admin);
  }

  /** A copy with a different {@code maxValidators}. */
  public GenesisParams withMaxValidators(long value) {
    return new GenesisParams(epochLengthBlocks, value, minStake, unbondingPeriodBlocks,
        jailDurationBlocks, equivocationSlashBps, maxEvidenceAgeBlocks, inactivityWindowSlots,
        inactivityThresholdSlots, inactivitySlashBps, blockGasLimit, minBaseFeePerGas,
        stakingCallGas, admin);
  }

  /** A copy with a different {@code blockGasLimit}. */
  public GenesisParams withBlockGasLimit(long value) {
    return new GenesisParams(epochLengthBlocks, maxValidators, minStake, unbondingPeriodBlocks,
        jailDurationBlocks, equivocationSlashBps, maxEvidenceAgeBlocks, inactivityWindowSlots,
        inactivityThresholdSlots, inactivitySlashBps, value, minBaseFeePerGas,
        stakingCallGas, admin);
  }

  /**
   * Rules between parameters (each already in range), reported on the second-named key.
   * Public so that the loader can report them even when other parts of the file are broken.
   */
  public static List<Problem> relationProblems(long inactivityWindowSlots,
      long inactivityThresholdSlots, long unbondingPeriodBlocks, long maxEvidenceAgeBlocks,
      long blockGasLimit, long stakingCallGas) {
    List<Problem> problems = new ArrayList<>();
    if (inactivityThresholdSlots > inactivityWindowSlots) {
      problems.add(new Problem(INACTIVITY_THRESHOLD_SLOTS.key(),
          "must not exceed inactivityWindowSlots (" + inactivityWindowSlots + ")"));
    }
    // Otherwise an offender could unstake and withdraw before its evidence stops being accepted.
    if (maxEvidenceAgeBlocks > unbondingPeriodBlocks) {
      problems.add(new Problem(MAX_EVIDENCE_AGE_BLOCKS.key(),
          "must not exceed unbondingPeriodBlocks (" + unbondingPeriodBlocks
              + "), or stake could be withdrawn before its evidence expires"));
    }
    if (stakingCallGas > blockGasLimit) {
      problems.add(new Problem(STAKING_CALL_GAS.key(),
          "must not exceed blockGasLimit (" + blockGasLimit + ")"));
    }
    return problems;
  }

  private static void check(List<Problem> problems, ParamSpec spec, long value) {
    String reason = spec.rangeProblem(value);
    if (reason != null) {
      problems.add(new Problem(spec.key(), reason));
    }
  }

  private static void check(List<Problem> problems, ParamSpec spec, BigInteger value) {
    String reason = spec.rangeProblem(value);
    if (reason != null) {
      problems.add(new Problem(spec.key(), reason));
    }
  }
}
