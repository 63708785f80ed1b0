package dev.bulwark.ledger.mempool;

import java.math.BigInteger;

/**
 * What the pool judges transactions against: the state of the last committed block and the base
 * fee and gas limit the next block will have.
 *
 * @param state the committed head state
 * @param baseFee the next block's base fee per gas, in wei
 * @param blockGasLimit the next block's gas limit
 */
public record PoolHead(AccountStateView state, BigInteger baseFee, long blockGasLimit) {
  public PoolHead {
    if (state == null) {
      throw new IllegalArgumentException("head state must not be null");
    }
    if (baseFee == null || baseFee.signum() < 0) {
      throw new IllegalArgumentException("base fee must be non-negative, got " + baseFee);
    }
    if (blockGasLimit <= 0) {
      throw new IllegalArgumentException("block gas limit must be positive, got " + blockGasLimit);
    }
  }

  /** The head after a commit: a new state and base fee, the same block gas limit. */
  public PoolHead next(AccountStateView newState, BigInteger nextBaseFee) {
    return new PoolHead(newState, nextBaseFee, blockGasLimit);
  }
}
