package dev.bulwark.ledger.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.crypto.bls.Bls;
import org.junit.jupiter.api.Test;

class TestValidatorsTest {
  @Test
  void sameSeedGivesSameKeysAndAnotherSeedOthers() {
    ValidatorSet a = TestValidators.create(5, 42).validatorSet(1);
    assertThat(TestValidators.create(5, 42).validatorSet(1)).isEqualTo(a);
    assertThat(TestValidators.create(5, 43).validatorSet(1).get(0).address())
        .isNotEqualTo(a.get(0).address());
    assertThat(a.size()).isEqualTo(5);
  }

  @Test
  void validatorsAreInSetOrderWithMatchingKeys() {
    TestValidators vs = TestValidators.create(6, 7);
    ValidatorSet set = vs.validatorSet(0); // constructor enforces ascending addresses
    for (int i = 0; i < vs.size(); i++) {
      assertThat(set.get(i).address()).isEqualTo(vs.get(i).address());
      assertThat(vs.get(i).bls().secretKey().publicKey()).isEqualTo(set.get(i).blsKey());
      assertThat(Bls.verifyProofOfPossession(set.get(i).blsKey(),
          Bls.proveOfPossession(vs.get(i).bls().secretKey()))).isTrue();
    }
  }
}
