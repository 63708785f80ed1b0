package dev.bulwark.ledger.execution;

import dev.bulwark.ledger.types.Address;
import java.math.BigInteger;

/**
 * The chain rules fixed at genesis (the genesis file's {@code params}; meaning, units and
 * defaults in genesis/README.md). The genesis module validates them; this record re-checks the
 * invariants execution relies on.
 */
public record ChainParams(
    long chainId,
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
  /** Base-fee change denominator (EIP-1559). */
  public static final long BASE_FEE_CHANGE_DENOMINATOR = 8;
  /** Gas of a plain transfer. */
  public static final long TRANSFER_GAS = 21_000;

  public ChainParams {
    if (chainId <= 0 || epochLengthBlocks <= 0 || maxValidators <= 0 || blockGasLimit < TRANSFER_GAS
        || minBaseFeePerGas == null || minBaseFeePerGas.signum() <= 0 || admin == null) {
      throw new IllegalArgumentException("invalid chain params: " + this);
    }
    for (long bps : new long[] {equivocationSlashBps, inactivitySlashBps}) {
      if (bps < 0 || bps > 10_000) {
        throw new IllegalArgumentException("basis points must be 0..10000, got " + bps);
      }
    }
  }

  /** The gas target of a block (EIP-1559: half the limit). */
  public long gasTarget() {
    return blockGasLimit / 2;
  }
}
