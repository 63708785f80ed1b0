package dev.bulwark.ledger.mempool;

import static dev.bulwark.ledger.mempool.PoolTxs.gwei;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ledger.tx.DynamicFeeTransaction;
import dev.bulwark.ledger.tx.LegacyTransaction;
import dev.bulwark.ledger.tx.Transaction;
import dev.bulwark.ledger.tx.TransactionSignature;
import dev.bulwark.ledger.types.Bytes;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FeesTest {
  private static Transaction dynamic(long cap, long tip) {
    return new DynamicFeeTransaction(PoolTxs.CHAIN, 0, BigInteger.valueOf(tip),
        BigInteger.valueOf(cap), 21_000, Optional.of(PoolTxs.TO), BigInteger.TEN, Bytes.EMPTY,
        List.of(), TransactionSignature.NONE);
  }

  private static Transaction legacy(long gasPrice, long gasLimit) {
    return new LegacyTransaction(Optional.of(PoolTxs.CHAIN), 0, BigInteger.valueOf(gasPrice),
        gasLimit, Optional.of(PoolTxs.TO), BigInteger.TEN, Bytes.EMPTY,
        TransactionSignature.NONE);
  }

  @Test
  void theEffectiveTipIsCappedByTheFeeCapAboveTheBaseFee() {
    assertThat(Fees.effectiveTip(dynamic(100, 5), BigInteger.valueOf(90))).isEqualTo(5);
    assertThat(Fees.effectiveTip(dynamic(100, 50), BigInteger.valueOf(90))).isEqualTo(10);
    assertThat(Fees.effectiveTip(dynamic(100, 50), BigInteger.valueOf(120))).isEqualTo(-20);
    assertThat(Fees.effectiveTip(legacy(100, 21_000), BigInteger.valueOf(30))).isEqualTo(70);
  }

  @Test
  void theMaxCostIsValuePlusGasTimesTheFeeCapWithAnUnsignedGasLimit() {
    assertThat(Fees.maxCost(dynamic(7, 1))).isEqualTo(BigInteger.valueOf(10 + 21_000 * 7));
    assertThat(Fees.maxCost(legacy(2, -1L)))
        .isEqualTo(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)
            .multiply(BigInteger.TWO).add(BigInteger.TEN));
  }

  @Test
  void aBumpMustReachTheThresholdAndStrictlyRaiseBothCaps() {
    assertThat(Fees.isSufficientBump(dynamic(100, 10), dynamic(110, 11), 10)).isTrue();
    assertThat(Fees.isSufficientBump(dynamic(100, 10), dynamic(109, 11), 10)).isFalse();
    assertThat(Fees.isSufficientBump(dynamic(100, 10), dynamic(110, 10), 10)).isFalse();
    // 15 * 1.1 = 16.5 rounds down to a threshold of 16; equal caps never count as a bump.
    assertThat(Fees.isSufficientBump(dynamic(15, 15), dynamic(16, 16), 10)).isTrue();
    assertThat(Fees.isSufficientBump(dynamic(5, 5), dynamic(5, 5), 0)).isFalse();
    assertThat(Fees.isSufficientBump(dynamic(5, 5), dynamic(6, 6), 0)).isTrue();
    assertThat(Fees.isSufficientBump(legacy(gwei(1).longValueExact(), 21_000),
        dynamic(gwei(2).longValueExact(), 1), 10)).isFalse();
  }
}
