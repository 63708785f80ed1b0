package dev.bulwark.consensus.liveness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.testkit.TestValidators;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProposerElectionTest {
  private static ValidatorSet set(long epoch, long... powers) {
    return TestValidators.withPowers(
            4, Arrays.stream(powers).mapToObj(BigInteger::valueOf).toList())
        .validatorSet(epoch);
  }

  @Test
  void leadershipFollowsStakeOverManyRounds() {
    long[] powers = {100, 200, 300, 400, 1000};
    ProposerElection e = new ProposerElection(set(3, powers));
    int[] counts = new int[powers.length];
    int rounds = 100_000;
    for (long r = 1; r <= rounds; r++) {
      counts[e.leaderIndex(r)]++;
    }
    double total = 2000;
    for (int i = 0; i < powers.length; i++) {
      double share = counts[i] / (double) rounds;
      assertThat(share)
          .as("validator %d", i)
          .isCloseTo(powers[i] / total, org.assertj.core.data.Offset.offset(0.06));
    }
    assertThat(counts[4]).isGreaterThan(counts[3]).isGreaterThan(counts[0]);
  }

  @Test
  void isAPureFunctionOfEpochRoundAndSet() {
    ValidatorSet s = set(2, 100, 100, 100, 100);
    ProposerElection a = new ProposerElection(s);
    ProposerElection b = new ProposerElection(set(2, 100, 100, 100, 100));
    for (long r = 0; r < 500; r++) {
      assertThat(a.leader(r)).isEqualTo(b.leader(r));
    }
    ProposerElection other = new ProposerElection(set(3, 100, 100, 100, 100));
    boolean differs = false;
    for (long r = 0; r < 50; r++) {
      differs |= !a.leader(r).equals(other.leader(r));
    }
    assertThat(differs).as("a new epoch reshuffles the order").isTrue();
  }

  @Test
  void equalStakesRotateThroughEveryValidatorBeforeRepeating() {
    ValidatorSet s = set(1, 100, 100, 100, 100, 100, 100, 100);
    ProposerElection e = new ProposerElection(s);
    for (long start = 0; start < 200; start += 7) {
      Set<Integer> seen = new HashSet<>();
      for (long r = start; r < start + 7; r++) {
        seen.add(e.leaderIndex(r));
      }
      assertThat(seen).hasSize(7);
    }
  }

  @Test
  void aThirdOfTheStakeNeverLeadsTwoRoundsInARowWithEqualStakes() {
    ProposerElection e = new ProposerElection(set(5, 100, 100, 100, 100));
    List<Integer> faulty = List.of(e.leaderIndex(1));
    for (long r = 0; r < 1000; r++) {
      assertThat(faulty.contains(e.leaderIndex(r)) && faulty.contains(e.leaderIndex(r + 1)))
          .isFalse();
    }
  }
}
