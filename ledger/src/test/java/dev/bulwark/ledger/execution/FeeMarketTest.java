package dev.bulwark.ledger.execution;

import static dev.bulwark.ledger.execution.ChainFixture.GWEI;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.crypto.Secp256k1;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** EIP-1559 base fee rule and effective gas price. */
class FeeMarketTest {
  private static final long TARGET = 15_000_000;
  private static final BigInteger HUNDRED_GWEI = GWEI.multiply(BigInteger.valueOf(100));

  @Test
  void unchangedAtTarget() {
    assertThat(FeeMarket.nextBaseFee(HUNDRED_GWEI, TARGET, TARGET)).isEqualTo(HUNDRED_GWEI);
  }

  @Test
  void fullBlockRaisesByOneEighthAndEmptyBlockLowersByOneEighth() {
    assertThat(FeeMarket.nextBaseFee(HUNDRED_GWEI, 2 * TARGET, TARGET))
        .isEqualTo(GWEI.multiply(BigInteger.valueOf(112_500)).divide(BigInteger.valueOf(1000)));
    assertThat(FeeMarket.nextBaseFee(HUNDRED_GWEI, 0, TARGET))
        .isEqualTo(GWEI.multiply(BigInteger.valueOf(87_500)).divide(BigInteger.valueOf(1000)));
  }

  @Test
  void proportionalInBetween() {
    // 1.5x target: +1/16; 0.5x target: -1/16 (integer division as in EIP-1559).
    BigInteger base = BigInteger.valueOf(1_600_000);
    assertThat(FeeMarket.nextBaseFee(base, TARGET * 3 / 2, TARGET))
        .isEqualTo(BigInteger.valueOf(1_700_000));
    assertThat(FeeMarket.nextBaseFee(base, TARGET / 2, TARGET))
        .isEqualTo(BigInteger.valueOf(1_500_000));
  }

  @Test
  void aboveTargetAlwaysRaisesByAtLeastOne() {
    assertThat(FeeMarket.nextBaseFee(BigInteger.valueOf(7), TARGET + 1, TARGET))
        .isEqualTo(BigInteger.valueOf(8));
  }

  @Test
  void neverBelowTheGenesisFloor() {
    ChainFixture f = new ChainFixture(1, 100, 30_000_000);
    BlockHeader parent =
        BlockHeader.builder()
            .gasLimit(30_000_000)
            .gasUsed(0)
            .baseFeePerGas(GWEI.add(BigInteger.ONE))
            .build();
    assertThat(FeeMarket.nextBaseFee(parent, f.params())).isEqualTo(GWEI);
  }

  @Test
  void effectivePriceIsTheFeeCapOrBaseFeePlusTip() {
    ChainFixture f = new ChainFixture(1, 100, 30_000_000);
    Secp256k1.KeyPair k = f.user(0);
    var to = f.user(0).address();
    assertThat(
            FeeMarket.effectiveGasPrice(
                f.transfer(k, 0, to, BigInteger.ONE, GWEI.multiply(BigInteger.TEN), GWEI)
                    .transaction(),
                GWEI))
        .isEqualTo(GWEI.multiply(BigInteger.TWO));
    assertThat(
            FeeMarket.effectiveGasPrice(
                f.transfer(
                        k,
                        0,
                        to,
                        BigInteger.ONE,
                        GWEI.multiply(BigInteger.TWO),
                        GWEI.multiply(BigInteger.TWO))
                    .transaction(),
                GWEI.multiply(BigInteger.valueOf(3))))
        .isEqualTo(GWEI.multiply(BigInteger.TWO));
    assertThat(
            FeeMarket.effectiveGasPrice(
                f.legacy(k, 0, to, BigInteger.ONE, GWEI.multiply(BigInteger.valueOf(7)))
                    .transaction(),
                GWEI))
        .isEqualTo(GWEI.multiply(BigInteger.valueOf(7)));
  }

  @Test
  void chainFollowsTheRuleBlockByBlock() throws Exception {
    // A 210,000-gas block: target 105,000 = five transfers; ten transfers fill it.
    ChainFixture f = new ChainFixture(1, 100, 210_000);
    Harness h = new Harness(f);
    Secp256k1.KeyPair k = f.user(0);
    BigInteger cap = GWEI.multiply(BigInteger.TEN);
    long nonce = 0;
    List<BigInteger> fees = new ArrayList<>();
    for (int block = 0; block < 4; block++) {
      List<dev.bulwark.ledger.tx.SignedTransaction> txs = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        txs.add(f.transfer(k, nonce++, f.proposer(), BigInteger.ONE, cap, BigInteger.ZERO));
      }
      BlockHeader parent = h.head;
      h.advance(txs);
      assertThat(h.head.baseFeePerGas()).isEqualTo(FeeMarket.nextBaseFee(parent, f.params()));
      fees.add(h.head.baseFeePerGas());
    }
    // Genesis used no gas, so block 1 sits at the floor; full blocks then add 1/8 each time.
    assertThat(fees)
        .containsExactly(
            GWEI,
            new BigInteger("1125000000"),
            new BigInteger("1265625000"),
            new BigInteger("1423828125"));
  }
}
