package dev.bulwark.ledger.staking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ledger.crypto.bls.Bls;
import dev.bulwark.ledger.execution.CallOutcome;
import dev.bulwark.ledger.execution.Log;
import dev.bulwark.ledger.testkit.TestValidators.TestValidator;
import dev.bulwark.ledger.types.Bytes;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RegisterTest {
  private static final BigInteger STAKE = BigInteger.valueOf(2_500);
  private StakingChain chain;
  private Candidate cand;

  @BeforeEach
  void setUp() {
    chain = StakingChain.start(new TestParams(), 4);
    cand = Candidate.of(1);
    chain.fund(cand.address(), StakingChain.FUNDS);
    assertThat(chain.call(TestParams.ADMIN, StakingFunction.PERMIT.encodeCall(cand.address())).success()).isTrue();
  }

  @Test
  void registersBondsTheValueAndLogs() {
    BigInteger moduleBefore = chain.reader().moduleBalance();
    BigInteger senderBefore = chain.state.account(cand.address()).balance();
    CallOutcome out = chain.call(cand.address(), STAKE, cand.registerCall());
    assertThat(out.success()).isTrue();
    assertThat(out.returnData()).isEqualTo(Bytes.EMPTY);
    StakingReader r = chain.reader();
    ValidatorRecord rec = r.validator(cand.address()).orElseThrow();
    assertThat(rec).isEqualTo(ValidatorRecord.registered(
        cand.bls().publicKey(), cand.nodeKey().publicKey(), STAKE));
    assertThat(r.registry()).contains(cand.address()).isSorted();
    assertThat(r.blsKeyOwner(cand.bls().publicKey())).contains(cand.address());
    assertThat(r.nodeKeyOwner(cand.nodeKey().publicKey())).contains(cand.address());
    assertThat(r.moduleBalance()).isEqualTo(moduleBefore.add(STAKE));
    assertThat(chain.state.account(cand.address()).balance()).isEqualTo(senderBefore.subtract(STAKE));
    Log log = out.logs().get(0);
    assertThat(out.logs()).hasSize(1);
    assertThat(log.topics()).containsExactly(
        AbiCodec.eventTopic("Registered(address,bytes,bytes,uint256)"), AbiCodec.topic(cand.address()));
    assertThat(log.data()).isEqualTo(AbiCodec.encode(
        List.of(AbiType.BYTES, AbiType.BYTES, AbiType.UINT256),
        List.of(cand.bls().publicKey().toBytes(), cand.nodeKey().publicKey(), STAKE)));
  }

  @Test
  void exactlyTheMinimumIsEnoughAndLessIsNot() {
    assertThat(revert(cand.registerCall(), TestParams.MIN_STAKE.subtract(BigInteger.ONE)))
        .isEqualTo("stake below minimum");
    assertThat(revert(cand.registerCall(), BigInteger.ZERO)).isEqualTo("stake below minimum");
    assertThat(chain.call(cand.address(), TestParams.MIN_STAKE, cand.registerCall()).success()).isTrue();
  }

  @Test
  void onlyPermittedAddressesRegister() {
    Candidate other = Candidate.of(2);
    chain.fund(other.address(), StakingChain.FUNDS);
    CallOutcome out = chain.call(other.address(), STAKE, other.registerCall());
    assertThat(out.revertReason()).contains("not permitted");
  }

  @Test
  void registeringTwiceReverts() {
    assertThat(chain.call(cand.address(), STAKE, cand.registerCall()).success()).isTrue();
    assertThat(revert(cand.registerCall(), STAKE)).isEqualTo("already registered");
  }

  @Test
  void badBlsKeysAndProofsRevert() {
    Bytes pop = cand.proofOfPossession();
    Bytes node = cand.nodeKey().publicKey();
    assertThat(revert(call(Bytes.of(new byte[47]), pop, node), STAKE)).isEqualTo("invalid BLS public key");
    byte[] notOnCurve = cand.bls().publicKey().toBytes().toArray();
    notOnCurve[47] ^= 1;
    assertThat(revert(call(Bytes.of(notOnCurve), pop, node), STAKE)).isEqualTo("invalid BLS public key");
    Candidate other = Candidate.of(9);
    assertThat(revert(call(cand.bls().publicKey().toBytes(), other.proofOfPossession(), node), STAKE))
        .isEqualTo("invalid proof of possession");
    assertThat(revert(call(cand.bls().publicKey().toBytes(), Bytes.of(new byte[96]), node), STAKE))
        .isEqualTo("invalid proof of possession");
    assertThat(revert(call(cand.bls().publicKey().toBytes(), Bytes.EMPTY, node), STAKE))
        .isEqualTo("invalid proof of possession");
  }

  @Test
  void badNodeKeysRevert() {
    Bytes bls = cand.bls().publicKey().toBytes();
    byte[] identity = new byte[32];
    identity[0] = 1; // the Ed25519 neutral element: small order
    assertThat(revert(call(bls, cand.proofOfPossession(), Bytes.of(identity)), STAKE))
        .isEqualTo("invalid node public key");
    assertThat(revert(call(bls, cand.proofOfPossession(), Bytes.of(new byte[31])), STAKE))
        .isEqualTo("invalid node public key");
  }

  @Test
  void keysOfAnotherValidatorRevert() {
    TestValidator existing = chain.validators.get(0);
    Bytes theirBls = existing.bls().publicKey().toBytes();
    Bytes theirPop = Bls.proveOfPossession(existing.bls().secretKey()).toBytes();
    assertThat(revert(call(theirBls, theirPop, cand.nodeKey().publicKey()), STAKE))
        .isEqualTo("BLS key already registered");

    Candidate second = Candidate.of(3);
    chain.fund(second.address(), StakingChain.FUNDS);
    chain.call(TestParams.ADMIN, StakingFunction.PERMIT.encodeCall(second.address()));
    assertThat(chain.call(cand.address(), STAKE, cand.registerCall()).success()).isTrue();
    CallOutcome out = chain.call(second.address(), STAKE, StakingFunction.REGISTER.encodeCall(
        second.bls().publicKey().toBytes(), second.proofOfPossession(), cand.nodeKey().publicKey()));
    assertThat(out.revertReason()).contains("node key already registered");
  }

  @Test
  void aRevertedCallWritesNothingEvenWithoutTheExecutorsRollback() {
    chain.open();
    Map<Object, Object> before = chain.state.content();
    CallOutcome out = chain.module.call(chain.context(), cand.address(), BigInteger.ONE,
        cand.registerCall(), chain.state);
    assertThat(out.revertReason()).contains("stake below minimum");
    assertThat(out.logs()).isEmpty();
    assertThat(chain.state.content()).isEqualTo(before);
    chain.close();
  }

  private Bytes call(Bytes bls, Bytes pop, Bytes node) {
    return StakingFunction.REGISTER.encodeCall(bls, pop, node);
  }

  private String revert(Bytes data, BigInteger value) {
    BigInteger before = chain.state.account(cand.address()).balance();
    CallOutcome out = chain.call(cand.address(), value, data);
    assertThat(out.success()).isFalse();
    assertThat(chain.state.account(cand.address()).balance()).isEqualTo(before);
    return out.revertReason().orElseThrow();
  }
}
