package dev.bulwark.ledger.staking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ledger.execution.CallOutcome;
import dev.bulwark.ledger.types.Address;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class UnjailTest {
  private static StakingChain jailedChain(TestParams p) throws Exception {
    StakingChain chain = StakingChain.start(p, 4);
    chain.advanceTo(9);
    chain.blockWithEvidence(chain.equivocation(0, 1, 1)); // block 10: jailed until 10 + jail duration
    return chain;
  }

  @Test
  void unjailIsAllowedFromTheEndOfTheJailTime() throws Exception {
    StakingChain chain = jailedChain(new TestParams()); // jail 20 blocks: until 30
    Address v = chain.validators.get(0).address();
    chain.advanceTo(28);
    assertThat(chain.call(v, StakingFunction.UNJAIL.encodeCall()).revertReason()) // block 29
        .contains("jail time not over");
    CallOutcome out = chain.call(v, StakingFunction.UNJAIL.encodeCall()); // block 30
    assertThat(out.success()).isTrue();
    assertThat(out.logs()).containsExactly(StakingEvent.UNJAILED.log(StakingModule.ADDRESS, v));
    assertThat(chain.reader().validator(v).orElseThrow().jailed()).isFalse();
    assertThat(chain.call(v, StakingFunction.UNJAIL.encodeCall()).revertReason()).contains("not jailed");
    chain.advanceTo(100);
    assertThat(chain.currentSet().indexOf(v)).isPresent();
  }

  @Test
  void unjailNeedsTheMinimumStake() throws Exception {
    TestParams p = new TestParams();
    p.jailDurationBlocks = 0;
    StakingChain chain = jailedChain(p);
    Address v = chain.validators.get(0).address();
    BigInteger bonded = chain.reader().validator(v).orElseThrow().bonded(); // 9500
    chain.call(v, StakingFunction.UNSTAKE.encodeCall(bonded.subtract(BigInteger.valueOf(999))));
    assertThat(chain.call(v, StakingFunction.UNJAIL.encodeCall()).revertReason())
        .contains("bonded stake below minimum");
    chain.call(v, BigInteger.ONE, StakingFunction.STAKE.encodeCall());
    assertThat(chain.call(v, StakingFunction.UNJAIL.encodeCall()).success()).isTrue();
  }

  @Test
  void unjailReverts() {
    StakingChain chain = StakingChain.start(new TestParams(), 4);
    Address v = chain.validators.get(0).address();
    assertThat(chain.call(v, StakingFunction.UNJAIL.encodeCall()).revertReason()).contains("not jailed");
    Address stranger = Address.fromHex("0x00000000000000000000000000000000000000aa");
    assertThat(chain.call(stranger, StakingFunction.UNJAIL.encodeCall()).revertReason()).contains("not registered");
    chain.fund(stranger, BigInteger.TEN);
    assertThat(chain.call(stranger, BigInteger.ONE, StakingFunction.UNJAIL.encodeCall()).revertReason())
        .contains("function is not payable");
  }
}
