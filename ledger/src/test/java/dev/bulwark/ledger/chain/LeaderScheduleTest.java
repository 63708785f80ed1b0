package dev.bulwark.ledger.chain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ledger.testkit.TestValidators;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeaderScheduleTest {

  @Test
  void leadershipFollowsStake() {
    // powers 1:2:3:4 over 20,000 rounds: each share within 1.5 points of its stake share
    TestValidators vals = TestValidators.withPowers(3,
        List.of(BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(3), BigInteger.valueOf(4)));
    ValidatorSet set = vals.validatorSet(1);
    int rounds = 20_000;
    int[] led = new int[set.size()];
    for (long r = 1; r <= rounds; r++) {
      led[LeaderSchedule.leaderIndex(set, r)]++;
    }
    for (int i = 0; i < set.size(); i++) {
      double expected = set.get(i).votingPower().doubleValue() / set.totalPower().doubleValue();
      assertThat((double) led[i] / rounds).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.015));
    }
  }

  @Test
  void isAPureFunctionOfEpochAndRound() {
    ValidatorSet a = TestValidators.create(7, 1).validatorSet(5);
    ValidatorSet b = TestValidators.create(7, 1).validatorSet(5);
    ValidatorSet otherEpoch = TestValidators.create(7, 1).validatorSet(6);
    int differ = 0;
    for (long r = 1; r <= 200; r++) {
      assertThat(LeaderSchedule.leader(a, r)).isEqualTo(LeaderSchedule.leader(b, r));
      if (LeaderSchedule.leaderIndex(a, r) != LeaderSchedule.leaderIndex(otherEpoch, r)) {
        differ++;
      }
    }
    assertThat(differ).as("the epoch enters the draw").isGreaterThan(100);
  }
}
