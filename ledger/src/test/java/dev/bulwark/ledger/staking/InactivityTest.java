package dev.bulwark.ledger.staking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ledger.chain.LeaderSchedule;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.execution.BlockContext;
import dev.bulwark.ledger.execution.Log;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Hash;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InactivityTest {
  @Test
  void skippedRoundsFailTheirScheduledLeadersAndTheProposerSucceeds() throws Exception {
    StakingChain chain = StakingChain.start(new TestParams(), 4);
    ValidatorSet set = chain.currentSet();
    List<Long> skipped = List.of(1L, 2L, 3L, 4L, 5L, 6L);
    Address proposer = LeaderSchedule.leader(set, 7);
    Map<Address, Long> expected = new HashMap<>();
    for (long r : skipped) {
      expected.merge(LeaderSchedule.leader(set, r), 1L, Long::sum);
    }
    BlockContext ctx = new BlockContext(TestParams.CHAIN_ID, 1, 1, 7, 0, proposer, BigInteger.ONE, skipped);
    assertThat(chain.module.beforeTransactions(ctx, List.of(), chain.state)).isEmpty();
    for (var v : chain.validators.validators()) {
      InactivityWindow w = chain.reader().inactivity(v.address());
      assertThat(w.failures()).isEqualTo(expected.getOrDefault(v.address(), 0L));
      if (v.address().equals(proposer) && w.failures() > 0) {
        assertThat(w.runs()).endsWith(1L); // the success comes after its failures
      }
    }
  }

  /**
   * Genesis defaults (window 2000, threshold 1800) on a 4-validator devnet: a leader slot
   * comes about once a second per validator at 250 ms rounds, fewer while rounds time out, so
   * five minutes of downtime fail at most 300 slots. That must not jail; 1800 must.
   */
  @Test
  void defaultsDoNotJailAFewMinutesOfDowntimeButHalfAnHourDoes() {
    TestParams p = new TestParams();
    p.epochLengthBlocks = 1000;
    StakingChain chain = StakingChain.start(p, 4);
    Address down = chain.validators.get(1).address();
    runUntilFailures(chain, down, 300);
    assertThat(jailed(chain, down)).isFalse();
    long failed = chain.reader().inactivity(down).failures();
    assertThat(failed).isBetween(300L, 310L);

    // back up for a while: its successes do not erase failures still in the window
    for (int i = 0; i < 100; i++) {
      open(chain, Set.of());
    }
    assertThat(chain.reader().inactivity(down).failures()).isEqualTo(failed);

    List<Log> logs = List.of();
    long before = 0;
    for (int blocks = 0; logs.isEmpty(); blocks++) {
      assertThat(blocks).as("blocks until jailed").isLessThan(20_000);
      before = chain.reader().inactivity(down).failures();
      logs = open(chain, Set.of(down));
    }
    assertThat(before).isBetween(1790L, 1799L); // jailed by the block that reached 1800
    assertThat(jailed(chain, down)).isTrue();
    assertThat(logs).contains(StakingEvent.SLASHED.log(StakingModule.ADDRESS, down, 2,
        BigInteger.TEN, BigInteger.ZERO, Hash.ZERO)); // 10 bps of 10000
    assertThat(chain.reader().inactivity(down)).isEqualTo(InactivityWindow.EMPTY);
  }

  @Test
  void smallWindowsJailSlashResetAndStopCountingWhileJailed() {
    TestParams p = new TestParams();
    p.inactivityWindowSlots = 10;
    p.inactivityThresholdSlots = 5;
    p.inactivitySlashBps = 100;
    StakingChain chain = StakingChain.start(p, 4);
    Address down = chain.validators.get(2).address();
    List<Log> logs = List.of();
    for (int blocks = 0; logs.isEmpty(); blocks++) {
      assertThat(blocks).isLessThan(1_000);
      assertThat(chain.reader().inactivity(down).failures()).isLessThan(5);
      logs = open(chain, Set.of(down));
    }
    long number = chain.number();
    assertThat(logs).containsExactly(
        StakingEvent.SLASHED.log(StakingModule.ADDRESS, down, 2, BigInteger.valueOf(100), BigInteger.ZERO, Hash.ZERO),
        StakingEvent.JAILED.log(StakingModule.ADDRESS, down, 2, BigInteger.valueOf(number + 20)));
    assertThat(chain.reader().validator(down).orElseThrow().bonded()).isEqualTo(BigInteger.valueOf(9_900));
    assertThat(chain.reader().moduleBalance()).isEqualTo(BigInteger.valueOf(39_900));

    for (int i = 0; i < 30; i++) {
      assertThat(open(chain, Set.of(down))).isEmpty();
    }
    assertThat(chain.reader().inactivity(down)).isEqualTo(InactivityWindow.EMPTY);
    chain.advanceTo(100);
    assertThat(chain.currentSet().indexOf(down)).isEmpty();
    for (var v : chain.validators.validators()) {
      assertThat(jailed(chain, v.address())).isEqualTo(v.address().equals(down));
    }
  }

  @Test
  void failuresThatScrollOutOfTheWindowDoNotCount() {
    TestParams p = new TestParams();
    p.inactivityWindowSlots = 10;
    p.inactivityThresholdSlots = 8;
    StakingChain chain = StakingChain.start(p, 4);
    Address flaky = chain.validators.get(3).address();
    for (int cycle = 0; cycle < 5; cycle++) {
      runUntilFailures(chain, flaky, 4);
      for (int blocks = 0; !chain.reader().inactivity(flaky).isEmpty(); blocks++) {
        assertThat(blocks).isLessThan(1_000);
        open(chain, Set.of());
      }
    }
    assertThat(jailed(chain, flaky)).isFalse();
  }

  private static boolean jailed(StakingChain chain, Address v) {
    return chain.reader().validator(v).orElseThrow().jailed();
  }

  /**
   * Blocks with {@code down} offline until its window holds at least {@code failures} failures
   * (one block may add several: a leader can own consecutive rounds); none of them may jail.
   */
  private static void runUntilFailures(StakingChain chain, Address down, long failures) {
    for (int blocks = 0; chain.reader().inactivity(down).failures() < failures; blocks++) {
      assertThat(blocks).as("blocks until %d failures", failures).isLessThan(100_000);
      assertThat(open(chain, Set.of(down))).isEmpty();
    }
  }

  private static List<Log> open(StakingChain chain, Set<Address> down) {
    try {
      List<Log> logs = chain.open(List.of(), down);
      chain.close();
      return logs;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
