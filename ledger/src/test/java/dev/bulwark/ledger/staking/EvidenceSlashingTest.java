package dev.bulwark.ledger.staking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.ledger.chain.Evidence;
import dev.bulwark.ledger.chain.ValidatorInfo;
import dev.bulwark.ledger.chain.VoteData;
import dev.bulwark.ledger.execution.InvalidBlockException;
import dev.bulwark.ledger.execution.Log;
import dev.bulwark.ledger.testkit.TestValidators.TestValidator;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Hash;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EvidenceSlashingTest {
  private static BigInteger n(long x) {
    return BigInteger.valueOf(x);
  }

  @Test
  void evidenceSlashesBondedAndUnbondingStakeBurnsItAndJails() throws Exception {
    StakingChain chain = StakingChain.start(new TestParams(), 4);
    Address v = chain.validators.get(0).address();
    chain.call(v, StakingFunction.UNSTAKE.encodeCall(n(999))); // block 1: bonded 9001, unbonding 999
    BigInteger supply = chain.state.totalSupply();
    BigInteger module = chain.reader().moduleBalance();
    Evidence e = chain.equivocation(0, 1, 1);

    List<Log> logs = chain.blockWithEvidence(e); // block 2
    long fromBonded = 450; // floor(9001 * 0.05)
    long fromUnbonding = 49; // floor(999 * 0.05)
    ValidatorRecord rec = chain.reader().validator(v).orElseThrow();
    assertThat(rec.bonded()).isEqualTo(n(9001 - fromBonded));
    assertThat(chain.reader().unbonding(v).entries()).containsExactly(new UnbondingEntry(n(999 - fromUnbonding), 51));
    assertThat(rec.jailed()).isTrue();
    assertThat(rec.jailedUntil()).isEqualTo(22);
    BigInteger burned = n(fromBonded + fromUnbonding);
    assertThat(chain.reader().moduleBalance()).isEqualTo(module.subtract(burned));
    assertThat(chain.state.totalSupply()).isEqualTo(supply.subtract(burned));
    assertThat(chain.reader().isEvidenceApplied(e.id())).isTrue();
    assertThat(logs).containsExactly(
        StakingEvent.SLASHED.log(StakingModule.ADDRESS, v, 1, n(fromBonded), n(fromUnbonding), e.id()),
        StakingEvent.JAILED.log(StakingModule.ADDRESS, v, 1, n(22)));
    assertThat(logs.get(0).topics()).containsExactly(
        AbiCodec.eventTopic("Slashed(address,uint8,uint256,uint256,bytes32)"), AbiCodec.topic(v));
    assertThat(chain.view(StakingFunction.IS_EVIDENCE_APPLIED.encodeCall(e.id())).returnData())
        .isEqualTo(StakingFunction.IS_EVIDENCE_APPLIED.encodeResult(true));
  }

  @Test
  void aJailedValidatorLeavesTheNextSet() throws Exception {
    StakingChain chain = StakingChain.start(new TestParams(), 4);
    chain.blockWithEvidence(chain.equivocation(1, 1, 3));
    Address jailed = chain.validators.get(1).address();
    assertThat(chain.currentSet().indexOf(jailed)).isPresent();
    chain.advanceTo(100);
    assertThat(chain.currentSet().validators()).hasSize(3)
        .extracting(ValidatorInfo::address).doesNotContain(jailed);
  }

  @Test
  void aFullSlashEmptiesBondedAndUnbonding() throws Exception {
    TestParams p = new TestParams();
    p.equivocationSlashBps = 10_000;
    StakingChain chain = StakingChain.start(p, 4);
    Address v = chain.validators.get(0).address();
    chain.call(v, StakingFunction.UNSTAKE.encodeCall(n(1)));
    chain.blockWithEvidence(chain.equivocation(0, 1, 2));
    assertThat(chain.reader().validator(v).orElseThrow().bonded()).isZero();
    assertThat(chain.reader().unbonding(v)).isEqualTo(Unbonding.NONE);
    assertThat(chain.reader().moduleBalance()).isEqualTo(n(30_000));
  }

  @Test
  void evidenceAppliedBeforeIsRejectedLaterInTheSameBlockAndForAnotherPair() throws Exception {
    StakingChain chain = StakingChain.start(new TestParams(), 4);
    Evidence e = chain.equivocation(2, 1, 5);
    chain.blockWithEvidence(e);
    assertInvalid(chain, "already applied", e);

    // a third conflicting vote in the same round is the same offence
    TestValidator v = chain.validators.get(2);
    VoteData c = new VoteData(TestParams.CHAIN_ID, 1, 5, Hash.ZERO, Hash.ZERO, 4);
    Evidence other = Evidence.of(v.address(), e.messageA(), e.sigA(), c, v.sign(c));
    assertThat(other.id()).isEqualTo(e.id());
    assertInvalid(chain, "already applied", other);

    Evidence fresh = chain.equivocation(3, 1, 5);
    assertInvalid(chain, "already applied", fresh, fresh);
    assertThat(chain.reader().isEvidenceApplied(fresh.id())).isFalse();
  }

  @Test
  void evidenceIsAdmissibleUpToMaxAgeBlocksAfterItsEpochBegan() throws Exception {
    StakingChain chain = StakingChain.start(new TestParams(), 4); // epoch 1 starts at block 1, max age 40
    chain.advanceTo(40);
    chain.blockWithEvidence(chain.equivocation(0, 1, 7)); // block 41: age 40
    assertThat(chain.reader().validator(chain.validators.get(0).address()).orElseThrow().jailed()).isTrue();
    assertInvalid(chain, "too old", chain.equivocation(1, 1, 7)); // block 42: age 41
  }

  @Test
  void evidenceAboutAPastEpochIsJudgedWithThatEpochsSetUntilItIsPruned() throws Exception {
    TestParams p = new TestParams();
    p.epochLengthBlocks = 20;
    StakingChain chain = StakingChain.start(p, 4);
    chain.advanceTo(29); // epoch 2 began at block 21
    chain.blockWithEvidence(chain.equivocation(0, 1, 2)); // block 30, age 29
    assertThat(chain.reader().validator(chain.validators.get(0).address()).orElseThrow().jailed()).isTrue();

    chain.advanceTo(60); // at block 60, 61 - 1 > 40: epoch 1's set is dropped, epoch 2's (61 - 21 = 40) is kept
    assertThat(chain.reader().epochs()).isEqualTo(new EpochPointer(4, 2));
    assertThat(chain.reader().epoch(1)).isEmpty();
    assertThat(chain.view(StakingFunction.VALIDATOR_SET.encodeCall(BigInteger.ONE)).revertReason())
        .contains("unknown epoch");
    assertInvalid(chain, "no longer retained", chain.equivocation(1, 1, 3));
    chain.blockWithEvidence(chain.equivocation(1, 2, 3)); // block 61: epoch 2, age 40
  }

  @Test
  void evidenceAgainstAValidatorOutsideTheEpochsSetIsRejected() {
    TestParams p = new TestParams();
    p.maxValidators = 3;
    StakingChain chain = StakingChain.start(p, 4);
    int outside = -1;
    for (int i = 0; i < 4; i++) {
      if (chain.currentSet().indexOf(chain.validators.get(i).address()).isEmpty()) {
        outside = i;
      }
    }
    assertThat(outside).isNotNegative();
    assertInvalid(chain, "not in the validator set", chain.equivocation(outside, 1, 1));
  }

  @Test
  void badlySignedEvidenceIsRejected() {
    StakingChain chain = StakingChain.start(new TestParams(), 4);
    Evidence good = chain.equivocation(0, 1, 1);
    TestValidator impostor = chain.validators.get(1);
    Evidence forged = new Evidence(good.kind(), good.epoch(), good.round(), good.validator(),
        good.bytesA(), good.sigA(), good.bytesB(), impostor.sign(good.messageB()));
    assertInvalid(chain, "does not verify", forged);
  }

  @Test
  void evidenceForAnotherChainOrAFutureEpochIsRejected() {
    StakingChain chain = StakingChain.start(new TestParams(), 4);
    TestValidator v = chain.validators.get(0);
    VoteData a = new VoteData(99, 1, 4, Hash.ZERO, Hash.ZERO, 3);
    VoteData b = new VoteData(99, 1, 4, dev.bulwark.ledger.crypto.Keccak.hash(new byte[1]), Hash.ZERO, 3);
    assertInvalid(chain, "does not verify", Evidence.of(v.address(), a, v.sign(a), b, v.sign(b)));
    assertInvalid(chain, "future epoch", chain.equivocation(0, 2, 1));
    assertInvalid(chain, "no longer retained", chain.equivocation(0, 0, 1));
  }

  @Test
  void aBlockOfTheWrongEpochIsInvalid() {
    StakingChain chain = StakingChain.start(new TestParams(), 4);
    chain.advanceTo(3);
    var ctx = new dev.bulwark.ledger.execution.BlockContext(TestParams.CHAIN_ID, 4, 2, 4, 0,
        chain.validators.get(0).address(), BigInteger.ONE, List.of());
    assertThatThrownBy(() -> chain.module.beforeTransactions(ctx, List.of(), chain.state))
        .isInstanceOf(InvalidBlockException.class).hasMessageContaining("epoch 1 is in progress");
  }

  private static void assertInvalid(StakingChain chain, String message, Evidence... evidence) {
    Map<Object, Object> before = chain.state.content();
    assertThatThrownBy(() -> chain.open(List.of(evidence), Set.of()))
        .isInstanceOf(InvalidBlockException.class).hasMessageContaining(message);
    assertThat(chain.state.content()).isEqualTo(before);
  }
}
