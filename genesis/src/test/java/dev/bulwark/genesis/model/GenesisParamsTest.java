package dev.bulwark.genesis.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.ledger.types.Address;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class GenesisParamsTest {
  private static final Address ADMIN = Address.fromHex("0x" + "11".repeat(20));

  @Test
  void defaultsAreValidAndDoNotJailAValidatorDownForMinutesOnADevnet() {
    GenesisParams p = GenesisParams.defaults(ADMIN);
    // 4 validators, 250 ms blocks: each leads 60 of 240 slots a minute.
    double ownSlotsPerMinute = 60_000.0 / 250 / 4;
    double minutesDownBeforeJail = p.inactivityThresholdSlots() / ownSlotsPerMinute;
    assertThat(minutesDownBeforeJail).isGreaterThanOrEqualTo(20);
    assertThat(p.inactivityThresholdSlots()).isLessThanOrEqualTo(p.inactivityWindowSlots());
    assertThat(p.maxEvidenceAgeBlocks()).isLessThanOrEqualTo(p.unbondingPeriodBlocks());
    assertThat(p.minBaseFeePerGas()).isEqualTo(BigInteger.valueOf(1_000_000_000L));
    assertThat(p.minStake()).isEqualTo(Amounts.tokens(100_000));
  }

  @Test
  void constructorReportsEveryOutOfRangeValue() {
    GenesisParams d = GenesisParams.defaults(ADMIN);
    assertThatThrownBy(() -> new GenesisParams(0, d.maxValidators(), BigInteger.ZERO,
        d.unbondingPeriodBlocks(), d.jailDurationBlocks(), 10_001, d.maxEvidenceAgeBlocks(),
        d.inactivityWindowSlots(), d.inactivityThresholdSlots(), d.inactivitySlashBps(),
        d.blockGasLimit(), d.minBaseFeePerGas(), d.stakingCallGas(), null))
        .isInstanceOfSatisfying(InvalidGenesisException.class, e -> assertThat(e.problems())
            .map(Problem::toString)
            .containsExactly("epochLengthBlocks: must be between 1 and 4294967295",
                "minStake: must be between 1 and " + Amounts.MAX_UINT256,
                "equivocationSlashBps: must be between 0 and 10000",
                "admin: is missing"));
  }

  @Test
  void constructorChecksRelationsBetweenParameters() {
    GenesisParams d = GenesisParams.defaults(ADMIN);
    assertThatThrownBy(() -> new GenesisParams(d.epochLengthBlocks(), d.maxValidators(),
        d.minStake(), d.unbondingPeriodBlocks(), d.jailDurationBlocks(), d.equivocationSlashBps(),
        d.maxEvidenceAgeBlocks(), 10, 11, d.inactivitySlashBps(), 50_000, d.minBaseFeePerGas(),
        60_000, ADMIN))
        .isInstanceOfSatisfying(InvalidGenesisException.class, e -> assertThat(e.problems())
            .extracting(Problem::path)
            .containsExactly("inactivityThresholdSlots", "stakingCallGas"));
  }

  @Test
  void everyParameterHasADefaultInRange() {
    for (ParamSpec spec : ParamSpec.values()) {
      if (spec.kind() != ParamSpec.Kind.ADDRESS) {
        assertThat(spec.rangeProblem(spec.defaultValue())).as(spec.key()).isNull();
      }
    }
  }
}
