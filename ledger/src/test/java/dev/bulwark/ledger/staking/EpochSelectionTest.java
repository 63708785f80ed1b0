package dev.bulwark.ledger.staking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ledger.chain.ValidatorInfo;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.execution.Log;
import dev.bulwark.ledger.testkit.TestValidators;
import dev.bulwark.ledger.types.Address;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EpochSelectionTest {
  private static BigInteger n(long x) {
    return BigInteger.valueOf(x);
  }

  @Test
  void theBlockAtAMultipleOfTheEpochLengthComputesAndInstallsTheNextSet() {
    StakingChain chain = StakingChain.start(new TestParams(), 4);
    chain.advanceTo(98);
    chain.open();
    assertThat(chain.close()).isEmpty(); // block 99
    chain.open();
    Optional<ValidatorSet> next = chain.close(); // block 100
    assertThat(next).isPresent();
    assertThat(next.get().epoch()).isEqualTo(2);
    assertThat(next.get().validators()).isEqualTo(chain.validators.validatorSet(2).validators().stream()
        .map(v -> new ValidatorInfo(v.address(), v.blsKey(), v.nodePublicKey(), StakingChain.GENESIS_STAKE))
        .toList());
    assertThat(chain.currentSet()).isEqualTo(next.get());
    // epoch 1 began at block 1: from block 101 on, its evidence is older than 40 blocks
    assertThat(chain.reader().epochs()).isEqualTo(new EpochPointer(2, 2));
    assertThat(chain.reader().epoch(2).orElseThrow().startBlock()).isEqualTo(101);
    Log log = chain.blockLogs().get(chain.blockLogs().size() - 1);
    assertThat(log).isEqualTo(StakingEvent.VALIDATOR_SET_CHANGED.log(StakingModule.ADDRESS, n(2),
        next.get().validators().stream().map(ValidatorInfo::address).toList(),
        next.get().validators().stream().map(ValidatorInfo::votingPower).toList()));
    assertThat(log.topics().get(1)).isEqualTo(AbiCodec.topic(n(2)));
    assertThat(chain.view(StakingFunction.CURRENT_EPOCH.encodeCall()).returnData())
        .isEqualTo(StakingFunction.CURRENT_EPOCH.encodeResult(n(2)));
    chain.advanceTo(101); // the first block of epoch 2 is accepted
  }

  @Test
  void jailedAndBelowMinimumDropOutNewcomersJoinAndPowerIsBondedStake() throws Exception {
    StakingChain chain = StakingChain.start(new TestParams(), 4);
    Address low = chain.validators.get(1).address();
    Address jailed = chain.validators.get(2).address();
    Address grower = chain.validators.get(3).address();
    Candidate cand = Candidate.of(5);
    chain.fund(cand.address(), StakingChain.FUNDS);
    chain.call(TestParams.ADMIN, StakingFunction.PERMIT.encodeCall(cand.address()));
    assertThat(chain.call(cand.address(), n(5_000), cand.registerCall()).success()).isTrue();
    chain.call(low, StakingFunction.UNSTAKE.encodeCall(n(9_001))); // 999 left, minimum is 1000
    chain.call(grower, n(2_500), StakingFunction.STAKE.encodeCall());
    chain.blockWithEvidence(chain.equivocation(2, 1, 1));
    ValidatorSet during = chain.currentSet();
    assertThat(during.size()).isEqualTo(4); // fixed for the epoch
    assertThat(during.indexOf(cand.address())).isEmpty();

    ValidatorSet projected = chain.module.projectedNextValidatorSet(chain.state);
    chain.advanceTo(100);
    ValidatorSet next = chain.currentSet();
    assertThat(projected.validators()).isEqualTo(next.validators());
    assertThat(next.validators()).extracting(ValidatorInfo::address)
        .doesNotContain(low, jailed).contains(cand.address(), grower).isSorted();
    assertThat(next.find(grower).orElseThrow().votingPower()).isEqualTo(n(12_500));
    assertThat(next.find(cand.address()).orElseThrow().votingPower()).isEqualTo(n(5_000));
    assertThat(next.find(cand.address()).orElseThrow().blsKey()).isEqualTo(cand.bls().publicKey());
  }

  @Test
  void theSetIsCappedAtMaxValidatorsByStakeWithTiesToTheLowerAddress() {
    TestParams p = new TestParams();
    p.maxValidators = 3;
    TestValidators vs = TestValidators.withPowers(11, List.of(n(4_000), n(4_000), n(4_000), n(4_000), n(9_000)));
    StakingChain chain = StakingChain.start(p, vs);
    // genesis: 9000 plus the two lowest addresses of the 4000s
    assertThat(chain.currentSet().validators()).extracting(ValidatorInfo::address)
        .containsExactly(vs.get(0).address(), vs.get(1).address(), vs.get(4).address());
    chain.call(vs.get(3).address(), n(1), StakingFunction.STAKE.encodeCall());
    chain.call(vs.get(2).address(), n(1), StakingFunction.STAKE.encodeCall());
    chain.advanceTo(100);
    assertThat(chain.currentSet().validators()).extracting(ValidatorInfo::address)
        .containsExactly(vs.get(2).address(), vs.get(3).address(), vs.get(4).address());
  }

  @Test
  void whenNobodyQualifiesTheCurrentValidatorsCarryOn() {
    StakingChain chain = StakingChain.start(new TestParams(), 4);
    ValidatorSet genesis = chain.currentSet();
    for (var v : chain.validators.validators()) {
      chain.call(v.address(), StakingFunction.UNSTAKE.encodeCall(StakingChain.GENESIS_STAKE));
    }
    chain.advanceTo(100);
    assertThat(chain.currentSet().epoch()).isEqualTo(2);
    assertThat(chain.currentSet().validators()).isEqualTo(genesis.validators());
    assertThat(chain.view(StakingFunction.NEXT_VALIDATORS.encodeCall()).returnData())
        .isEqualTo(chain.view(StakingFunction.CURRENT_VALIDATORS.encodeCall()).returnData());
    chain.advanceTo(101);
  }

  @Test
  void roundsRestartInTheNewEpochAndLeadersComeFromItsSet() {
    StakingChain chain = StakingChain.start(new TestParams(), 4);
    chain.advanceTo(100);
    chain.open();
    assertThat(chain.context().epoch()).isEqualTo(2);
    assertThat(chain.context().round()).isEqualTo(1);
    chain.close();
  }
}
