package dev.bulwark.ledger.staking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ledger.chain.ValidatorInfo;
import dev.bulwark.ledger.execution.CallOutcome;
import dev.bulwark.ledger.types.Address;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class PermissionTest {
  private final StakingChain chain = StakingChain.start(new TestParams(), 4);
  private final Address someone = Address.fromHex("0x00000000000000000000000000000000000000aa");

  @Test
  void adminPermitsAndRevokesWithLogs() {
    CallOutcome permit = chain.call(TestParams.ADMIN, StakingFunction.PERMIT.encodeCall(someone));
    assertThat(permit.success()).isTrue();
    assertThat(permit.logs()).containsExactly(StakingEvent.PERMITTED.log(StakingModule.ADDRESS, someone));
    assertThat(permit.logs().get(0).topics())
        .containsExactly(AbiCodec.eventTopic("Permitted(address)"), AbiCodec.topic(someone));
    assertThat(chain.reader().isPermitted(someone)).isTrue();

    CallOutcome revoke = chain.call(TestParams.ADMIN, StakingFunction.REVOKE.encodeCall(someone));
    assertThat(revoke.logs()).containsExactly(StakingEvent.REVOKED.log(StakingModule.ADDRESS, someone));
    assertThat(chain.reader().isPermitted(someone)).isFalse();
  }

  @Test
  void onlyTheAdminMayPermitOrRevoke() {
    Address validator = chain.validators.get(0).address();
    assertThat(chain.call(validator, StakingFunction.PERMIT.encodeCall(someone)).revertReason())
        .contains("not admin");
    assertThat(chain.call(validator, StakingFunction.REVOKE.encodeCall(validator)).revertReason())
        .contains("not admin");
    assertThat(chain.reader().isPermitted(someone)).isFalse();
  }

  @Test
  void permittingTwiceAndRevokingTheUnpermittedRevert() {
    chain.call(TestParams.ADMIN, StakingFunction.PERMIT.encodeCall(someone));
    assertThat(chain.call(TestParams.ADMIN, StakingFunction.PERMIT.encodeCall(someone)).revertReason())
        .contains("already permitted");
    Address other = Address.fromHex("0x00000000000000000000000000000000000000bb");
    assertThat(chain.call(TestParams.ADMIN, StakingFunction.REVOKE.encodeCall(other)).revertReason())
        .contains("not permitted");
    assertThat(chain.call(TestParams.ADMIN, BigInteger.ONE, StakingFunction.PERMIT.encodeCall(other))
        .revertReason()).contains("function is not payable");
  }

  @Test
  void aRevokedValidatorLeavesTheSetAtTheEpochEndButKeepsItsStake() {
    Address revoked = chain.validators.get(2).address();
    chain.call(TestParams.ADMIN, StakingFunction.REVOKE.encodeCall(revoked));
    assertThat(chain.currentSet().indexOf(revoked)).isPresent(); // the set is fixed for the epoch
    chain.advanceTo(100);
    assertThat(chain.currentSet().validators()).extracting(ValidatorInfo::address).doesNotContain(revoked);
    assertThat(chain.reader().validator(revoked).orElseThrow().bonded()).isEqualTo(StakingChain.GENESIS_STAKE);
    assertThat(chain.call(revoked, StakingFunction.UNSTAKE.encodeCall(BigInteger.TEN)).success()).isTrue();
  }
}
