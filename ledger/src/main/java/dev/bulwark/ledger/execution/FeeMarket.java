package dev.bulwark.ledger.execution;

import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.tx.Transaction;
import java.math.BigInteger;

/**
 * EIP-1559 as DESIGN.md section 3 fixes it: the base fee moves toward a target of half the gas
 * limit by at most 1/8 per block (at least 1 wei up when the parent was above target) and never
 * drops below the genesis floor; a transaction pays min(fee cap, base fee + tip) per gas.
 */
public final class FeeMarket {
  private FeeMarket() {}

  /** The base fee a child of {@code parent} must carry. */
  public static BigInteger nextBaseFee(BlockHeader parent, ChainParams params) {
    BigInteger next = nextBaseFee(parent.baseFeePerGas(), parent.gasUsed(), parent.gasLimit() / 2);
    return next.max(params.minBaseFeePerGas());
  }

  /** EIP-1559's update rule, without the floor. */
  static BigInteger nextBaseFee(BigInteger parentBaseFee, long parentGasUsed, long target) {
    if (target <= 0 || parentGasUsed == target) {
      return parentBaseFee;
    }
    BigInteger t = BigInteger.valueOf(target);
    BigInteger denominator = BigInteger.valueOf(ChainParams.BASE_FEE_CHANGE_DENOMINATOR);
    if (parentGasUsed > target) {
      BigInteger delta =
          parentBaseFee
              .multiply(BigInteger.valueOf(parentGasUsed - target))
              .divide(t)
              .divide(denominator);
      return parentBaseFee.add(delta.max(BigInteger.ONE));
    }
    BigInteger delta =
        parentBaseFee
            .multiply(BigInteger.valueOf(target - parentGasUsed))
            .divide(t)
            .divide(denominator);
    return parentBaseFee.subtract(delta);
  }

  /** What {@code tx} pays per gas at {@code baseFee}: min(fee cap, base fee + tip). */
  public static BigInteger effectiveGasPrice(Transaction tx, BigInteger baseFee) {
    return tx.maxFeePerGas().min(baseFee.add(tx.maxPriorityFeePerGas()));
  }
}
