package dev.bulwark.ledger.staking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ledger.chain.ValidatorInfo;
import dev.bulwark.ledger.execution.CallOutcome;
import dev.bulwark.ledger.testkit.TestValidators.TestValidator;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ViewsTest {
  private final StakingChain chain = StakingChain.start(new TestParams(), 4);
  private final TestValidator v = chain.validators.get(0);
  private final Address stranger = Address.fromHex("0x00000000000000000000000000000000000000aa");

  private static BigInteger n(long x) {
    return BigInteger.valueOf(x);
  }

  private List<Object> view(StakingFunction f, Object... args) throws Exception {
    CallOutcome out = chain.view(f.encodeCall(args));
    assertThat(out.success()).as("%s reverted: %s", f, out.revertReason()).isTrue();
    return AbiCodec.decode(out.returnData(), f.outputs());
  }

  @Test
  void validatorViewReportsEverything() throws Exception {
    chain.call(v.address(), StakingFunction.UNSTAKE.encodeCall(n(1_234)));
    chain.blockWithEvidence(chain.equivocation(0, 1, 1)); // block 2: jailed until 22
    assertThat(view(StakingFunction.VALIDATOR, v.address())).containsExactly(
        true, true, true, n(22), n(8_766 - 438), n(1_234 - 61),
        v.bls().publicKey().toBytes(), v.nodePublicKey());
    assertThat(view(StakingFunction.VALIDATOR, stranger)).containsExactly(
        false, false, false, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, Bytes.EMPTY, Bytes.EMPTY);
    assertThat(view(StakingFunction.STAKE_OF, v.address())).containsExactly(n(8_328));
    assertThat(view(StakingFunction.STAKE_OF, stranger)).containsExactly(BigInteger.ZERO);
    assertThat(view(StakingFunction.UNBONDING_OF, v.address()))
        .containsExactly(List.of(n(1_173)), List.of(n(51)));
    assertThat(view(StakingFunction.IS_EVIDENCE_APPLIED, chain.equivocation(0, 1, 1).id())).containsExactly(true);
    assertThat(view(StakingFunction.IS_EVIDENCE_APPLIED, Hash.ZERO)).containsExactly(false);
  }

  @Test
  void permissionAdminAndRegistryViews() throws Exception {
    assertThat(view(StakingFunction.IS_PERMITTED, v.address())).containsExactly(true);
    assertThat(view(StakingFunction.IS_PERMITTED, stranger)).containsExactly(false);
    assertThat(view(StakingFunction.ADMIN)).containsExactly(TestParams.ADMIN);
    assertThat(view(StakingFunction.REGISTERED_VALIDATORS)).containsExactly(
        chain.validators.validators().stream().map(TestValidator::address).toList());
  }

  @Test
  void setViews() throws Exception {
    List<Address> addresses = chain.currentSet().validators().stream().map(ValidatorInfo::address).toList();
    List<BigInteger> powers = List.of(n(10_000), n(10_000), n(10_000), n(10_000));
    assertThat(view(StakingFunction.CURRENT_EPOCH)).containsExactly(BigInteger.ONE);
    assertThat(view(StakingFunction.CURRENT_VALIDATORS)).containsExactly(addresses, powers);
    assertThat(view(StakingFunction.VALIDATOR_SET, BigInteger.ONE)).containsExactly(addresses, powers);
    chain.call(v.address(), n(5), StakingFunction.STAKE.encodeCall());
    assertThat(view(StakingFunction.NEXT_VALIDATORS)).containsExactly(addresses,
        List.of(n(10_005), n(10_000), n(10_000), n(10_000)));
    assertThat(view(StakingFunction.CURRENT_VALIDATORS)).containsExactly(addresses, powers);
    assertThat(chain.view(StakingFunction.VALIDATOR_SET.encodeCall(n(2))).revertReason()).contains("unknown epoch");
    assertThat(chain.view(StakingFunction.VALIDATOR_SET.encodeCall(BigInteger.TWO.pow(255))).revertReason())
        .contains("unknown epoch");
  }

  @Test
  void inactivityView() throws Exception {
    assertThat(view(StakingFunction.INACTIVITY_OF, v.address())).containsExactly(BigInteger.ZERO, BigInteger.ZERO);
    chain.open(List.of(), java.util.Set.of(v.address()));
    chain.close();
    List<Object> w = view(StakingFunction.INACTIVITY_OF, v.address());
    assertThat((BigInteger) w.get(1)).isEqualTo(n(chain.reader().inactivity(v.address()).failures()));
  }

  @Test
  void viewRejectsStateChangingFunctionsAndBadData() {
    Map<Object, Object> before = chain.state.content();
    assertThat(chain.view(StakingFunction.STAKE.encodeCall()).revertReason()).contains("not a view function");
    assertThat(chain.view(StakingFunction.UNSTAKE.encodeCall(BigInteger.ONE)).revertReason())
        .contains("not a view function");
    assertThat(chain.view(Bytes.fromHex("0x01020304")).revertReason()).contains("unknown function");
    assertThat(chain.view(StakingFunction.STAKE_OF.selector()).revertReason()).contains("invalid call data");
    assertThat(chain.state.content()).isEqualTo(before);
  }

  @Test
  void revertReasonsBecomeErrorStringData() {
    CallOutcome out = chain.view(StakingFunction.STAKE.encodeCall());
    Bytes data = AbiCodec.errorData(out.revertReason().orElseThrow());
    assertThat(data.toHex()).startsWith("0x08c379a0");
    assertThat(AbiCodec.decodeErrorData(data)).contains("not a view function");
  }
}
