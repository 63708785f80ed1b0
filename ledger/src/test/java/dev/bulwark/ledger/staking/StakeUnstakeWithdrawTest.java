package dev.bulwark.ledger.staking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ledger.execution.CallOutcome;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StakeUnstakeWithdrawTest {
  private StakingChain chain;
  private Address v;

  @BeforeEach
  void setUp() {
    chain = StakingChain.start(new TestParams(), 4); // unbonding period 50 blocks
    v = chain.validators.get(0).address();
  }

  private BigInteger bonded() {
    return chain.reader().validator(v).orElseThrow().bonded();
  }

  private static BigInteger n(long x) {
    return BigInteger.valueOf(x);
  }

  @Test
  void stakeAddsTheValueAndLogsTheNewTotal() {
    BigInteger module = chain.reader().moduleBalance();
    CallOutcome out = chain.call(v, n(500), StakingFunction.STAKE.encodeCall());
    assertThat(out.success()).isTrue();
    assertThat(bonded()).isEqualTo(n(10_500));
    assertThat(chain.reader().moduleBalance()).isEqualTo(module.add(n(500)));
    assertThat(out.logs()).containsExactly(StakingEvent.STAKED.log(StakingModule.ADDRESS, v, n(500), n(10_500)));
    assertThat(out.logs().get(0).topics().get(0))
        .isEqualTo(AbiCodec.eventTopic("Staked(address,uint256,uint256)"));
  }

  @Test
  void stakeReverts() {
    assertThat(chain.call(v, BigInteger.ZERO, StakingFunction.STAKE.encodeCall()).revertReason())
        .contains("zero value");
    Address stranger = Address.fromHex("0x00000000000000000000000000000000000000aa");
    chain.fund(stranger, n(1_000_000));
    assertThat(chain.call(stranger, n(5), StakingFunction.STAKE.encodeCall()).revertReason())
        .contains("not registered");
    chain.call(TestParams.ADMIN, StakingFunction.REVOKE.encodeCall(v));
    assertThat(chain.call(v, n(5), StakingFunction.STAKE.encodeCall()).revertReason())
        .contains("not permitted");
  }

  @Test
  void unstakeMovesStakeIntoUnbondingReleasableAfterThePeriod() {
    chain.advanceTo(9);
    CallOutcome out = chain.call(v, StakingFunction.UNSTAKE.encodeCall(n(3_000))); // block 10
    assertThat(out.success()).isTrue();
    assertThat(out.logs()).containsExactly(StakingEvent.UNSTAKED.log(StakingModule.ADDRESS, v, n(3_000), n(60)));
    assertThat(bonded()).isEqualTo(n(7_000));
    assertThat(chain.reader().unbonding(v).entries()).containsExactly(new UnbondingEntry(n(3_000), 60));
    assertThat(chain.reader().moduleBalance()).isEqualTo(n(40_000)); // still held by the module
  }

  @Test
  void unstakesInOneBlockMergeAndLaterOnesQueue() {
    chain.open();
    assertThat(chain.send(v, BigInteger.ZERO, StakingFunction.UNSTAKE.encodeCall(n(100))).success()).isTrue();
    assertThat(chain.send(v, BigInteger.ZERO, StakingFunction.UNSTAKE.encodeCall(n(200))).success()).isTrue();
    chain.close();
    chain.call(v, StakingFunction.UNSTAKE.encodeCall(n(50)));
    assertThat(chain.reader().unbonding(v).entries())
        .containsExactly(new UnbondingEntry(n(300), 51), new UnbondingEntry(n(50), 52));
  }

  @Test
  void unstakeReverts() {
    assertThat(chain.call(v, StakingFunction.UNSTAKE.encodeCall(BigInteger.ZERO)).revertReason())
        .contains("zero amount");
    assertThat(chain.call(v, StakingFunction.UNSTAKE.encodeCall(n(10_001))).revertReason())
        .contains("amount exceeds bonded stake");
    assertThat(chain.call(v, n(1), StakingFunction.UNSTAKE.encodeCall(n(1))).revertReason())
        .contains("function is not payable");
    Address stranger = Address.fromHex("0x00000000000000000000000000000000000000aa");
    assertThat(chain.call(stranger, StakingFunction.UNSTAKE.encodeCall(n(1))).revertReason())
        .contains("not registered");
    assertThat(chain.call(v, StakingFunction.UNSTAKE.encodeCall(BigInteger.TWO.pow(256).subtract(BigInteger.ONE)))
        .revertReason()).contains("amount exceeds bonded stake");
    assertThat(bonded()).isEqualTo(n(10_000));
  }

  @Test
  void theWholeBondedStakeMayBeUnstaked() {
    assertThat(chain.call(v, StakingFunction.UNSTAKE.encodeCall(n(10_000))).success()).isTrue();
    assertThat(bonded()).isZero();
  }

  @Test
  void unbondingEntriesAreBounded() {
    for (int i = 0; i < StakingCalls.MAX_UNBONDING_ENTRIES; i++) {
      assertThat(chain.call(v, StakingFunction.UNSTAKE.encodeCall(n(1))).success()).isTrue();
    }
    assertThat(chain.call(v, StakingFunction.UNSTAKE.encodeCall(n(1))).revertReason())
        .contains("too many unbonding entries");
    chain.advanceTo(chain.number() + 50);
    assertThat(chain.call(v, StakingFunction.WITHDRAW.encodeCall()).success()).isTrue();
    assertThat(chain.call(v, StakingFunction.UNSTAKE.encodeCall(n(1))).success()).isTrue();
  }

  @Test
  void withdrawPaysOnlyMaturedEntries() {
    chain.call(v, StakingFunction.UNSTAKE.encodeCall(n(1_000))); // block 1 -> 51
    chain.advanceTo(4);
    chain.call(v, StakingFunction.UNSTAKE.encodeCall(n(2_000))); // block 5 -> 55
    chain.advanceTo(49);
    assertThat(chain.call(v, StakingFunction.WITHDRAW.encodeCall()).revertReason()) // block 50
        .contains("nothing to withdraw");

    BigInteger balance = chain.state.account(v).balance();
    BigInteger module = chain.reader().moduleBalance();
    CallOutcome out = chain.call(v, StakingFunction.WITHDRAW.encodeCall()); // block 51
    assertThat(out.success()).isTrue();
    assertThat(out.returnData()).isEqualTo(StakingFunction.WITHDRAW.encodeResult(n(1_000)));
    assertThat(out.logs()).containsExactly(StakingEvent.WITHDRAWN.log(StakingModule.ADDRESS, v, n(1_000)));
    assertThat(chain.state.account(v).balance()).isEqualTo(balance.add(n(1_000)));
    assertThat(chain.reader().moduleBalance()).isEqualTo(module.subtract(n(1_000)));
    assertThat(chain.reader().unbonding(v).entries()).containsExactly(new UnbondingEntry(n(2_000), 55));

    chain.advanceTo(54);
    assertThat(chain.call(v, StakingFunction.WITHDRAW.encodeCall()).success()).isTrue(); // block 55
    assertThat(chain.reader().unbonding(v)).isEqualTo(Unbonding.NONE);
    assertThat(chain.call(v, StakingFunction.WITHDRAW.encodeCall()).revertReason()).contains("nothing to withdraw");
  }

  @Test
  void withdrawWithValueAndWithdrawByStrangersRevert() {
    assertThat(chain.call(v, n(1), StakingFunction.WITHDRAW.encodeCall()).revertReason())
        .contains("function is not payable");
    Address stranger = Address.fromHex("0x00000000000000000000000000000000000000aa");
    assertThat(chain.call(stranger, StakingFunction.WITHDRAW.encodeCall()).revertReason())
        .contains("nothing to withdraw");
  }

  @Test
  void plainTransfersAndGarbageToTheModuleRevert() {
    assertThat(chain.call(v, n(5), Bytes.EMPTY).revertReason()).contains("unknown function");
    assertThat(chain.call(v, Bytes.fromHex("0x2e17de78ff")).revertReason()).contains("invalid call data");
    assertThat(chain.reader().moduleBalance()).isEqualTo(n(40_000));
  }

  @Test
  void viewsAreCallableByTransactions() {
    CallOutcome out = chain.call(v, StakingFunction.STAKE_OF.encodeCall(v));
    assertThat(out.success()).isTrue();
    assertThat(out.returnData()).isEqualTo(StakingFunction.STAKE_OF.encodeResult(n(10_000)));
    assertThat(out.logs()).isEqualTo(List.of());
    assertThat(chain.call(v, n(1), StakingFunction.STAKE_OF.encodeCall(v)).revertReason())
        .contains("function is not payable");
  }
}
