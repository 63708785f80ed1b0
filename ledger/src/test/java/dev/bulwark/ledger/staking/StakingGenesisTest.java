package dev.bulwark.ledger.staking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.ledger.chain.ValidatorInfo;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.execution.GenesisSpec;
import dev.bulwark.ledger.testkit.TestValidators;
import dev.bulwark.ledger.testkit.TestValidators.TestValidator;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StakingGenesisTest {
  private static final List<BigInteger> STAKES = List.of(
      BigInteger.valueOf(5_000), BigInteger.valueOf(9_000), BigInteger.valueOf(5_000),
      BigInteger.valueOf(7_000));

  @Test
  void genesisValidatorsAreRegisteredPermittedAndBondedInTheModuleAccount() {
    StakingChain c = StakingChain.start(new TestParams(), TestValidators.withPowers(3, STAKES));
    StakingReader r = c.reader();
    assertThat(r.moduleBalance()).isEqualTo(BigInteger.valueOf(26_000));
    assertThat(r.admin()).contains(TestParams.ADMIN);
    assertThat(r.registry()).isSorted().hasSize(4);
    for (TestValidator v : c.validators.validators()) {
      ValidatorRecord rec = r.validator(v.address()).orElseThrow();
      assertThat(rec.bonded()).isEqualTo(v.votingPower());
      assertThat(rec.jailed()).isFalse();
      assertThat(rec.blsKey()).isEqualTo(v.bls().publicKey());
      assertThat(r.isPermitted(v.address())).isTrue();
      assertThat(r.blsKeyOwner(v.bls().publicKey())).contains(v.address());
      assertThat(r.nodeKeyOwner(v.nodePublicKey())).contains(v.address());
    }
    assertThat(r.epochs()).isEqualTo(new EpochPointer(1, 1));
    assertThat(r.currentEpoch().startBlock()).isEqualTo(1);
  }

  @Test
  void epochOneIsTheGenesisSetInAddressOrderWithStakeAsPower() {
    TestValidators vs = TestValidators.withPowers(3, STAKES);
    StakingChain c = StakingChain.start(new TestParams(), vs);
    ValidatorSet set = c.currentSet();
    assertThat(set.epoch()).isEqualTo(1);
    assertThat(set).isEqualTo(vs.validatorSet(1));
  }

  @Test
  void genesisSetIsCappedAtMaxValidatorsByStakeWithTiesToTheLowerAddress() {
    TestParams p = new TestParams();
    p.maxValidators = 2;
    TestValidators vs = TestValidators.withPowers(3, STAKES); // 5000, 9000, 5000, 7000
    StakingChain c = StakingChain.start(p, vs);
    assertThat(c.currentSet().validators()).extracting(ValidatorInfo::address)
        .containsExactly(vs.get(1).address(), vs.get(3).address());
    p.maxValidators = 3;
    StakingChain c3 = StakingChain.start(p, vs);
    // 5000 tie between index 0 and 2: index 0 has the lower address
    assertThat(c3.currentSet().validators()).extracting(ValidatorInfo::address)
        .containsExactly(vs.get(0).address(), vs.get(1).address(), vs.get(3).address());
    assertThat(c3.reader().registry()).hasSize(4);
  }

  @Test
  void stakeIsAddedToAnAllocatedModuleBalance() {
    StakingModule m = new StakingModule(new TestParams().build());
    InMemoryState s = new InMemoryState();
    s.credit(StakingModule.ADDRESS, BigInteger.valueOf(5));
    TestValidators vs = TestValidators.create(1, 1);
    TestValidator v = vs.get(0);
    m.initializeGenesis(new GenesisSpec(new TestParams().build(), 0, Map.of(), List.of(
        new GenesisSpec.Validator(v.address(), v.bls().publicKey(), v.nodePublicKey(), BigInteger.TEN))), s);
    assertThat(s.account(StakingModule.ADDRESS).balance()).isEqualTo(BigInteger.valueOf(15));
  }

  @Test
  void duplicateGenesisKeysAreRejected() {
    TestValidators vs = TestValidators.create(2, 1);
    TestValidator a = vs.get(0);
    TestValidator b = vs.get(1);
    GenesisSpec spec = new GenesisSpec(new TestParams().build(), 0, Map.of(), List.of(
        new GenesisSpec.Validator(a.address(), a.bls().publicKey(), a.nodePublicKey(), BigInteger.TEN),
        new GenesisSpec.Validator(b.address(), a.bls().publicKey(), b.nodePublicKey(), BigInteger.TEN)));
    StakingModule m = new StakingModule(new TestParams().build());
    assertThatThrownBy(() -> m.initializeGenesis(spec, new InMemoryState()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("repeats");
  }

  @Test
  void gasIsTheFixedStakingCallGasForAnyData() {
    StakingModule m = new StakingModule(new TestParams().build());
    assertThat(m.gasCost(StakingFunction.STAKE.encodeCall())).isEqualTo(100_000);
    assertThat(m.gasCost(dev.bulwark.ledger.types.Bytes.EMPTY)).isEqualTo(100_000);
    assertThat(m.address()).isEqualTo(StakingModule.ADDRESS);
    assertThat(StakingModule.ADDRESS.toHex()).isEqualTo("0x0000000000000000000000000000000000001000");
  }
}
