package dev.bulwark.ledger.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.ledger.testkit.TestValidators;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValidatorSetTest {
  private final TestValidators four = TestValidators.create(4, 11);

  private static List<BigInteger> powers(long... p) {
    return Arrays.stream(p).mapToObj(BigInteger::valueOf).toList();
  }

  @ParameterizedTest(name = "W={0} -> quorum {1}")
  @CsvSource({"1,1", "3,3", "4,3", "6,5", "7,5", "10,7", "100,67", "400,267"})
  void quorumIsTwoThirdsRoundedDownPlusOne(long total, long quorum) {
    ValidatorSet set = TestValidators.withPowers(1, powers(total)).validatorSet(0);
    assertThat(set.totalPower()).isEqualTo(BigInteger.valueOf(total));
    assertThat(set.quorumPower()).isEqualTo(BigInteger.valueOf(quorum));
    // the defining property: quorum is the least power strictly above two thirds of W
    assertThat(BigInteger.valueOf(3 * quorum)).isGreaterThan(BigInteger.valueOf(2 * total));
    assertThat(BigInteger.valueOf(3 * (quorum - 1))).isLessThanOrEqualTo(
        BigInteger.valueOf(2 * total));
  }

  @Test
  void validityPowerExceedsAThird() {
    ValidatorSet set = TestValidators.withPowers(1, powers(10, 20)).validatorSet(0);
    assertThat(set.validityPower()).isEqualTo(BigInteger.valueOf(11));
  }

  @Test
  void powerOfSumsTheSignersAndHasQuorumComparesWithTheThreshold() {
    ValidatorSet set = TestValidators.withPowers(3, powers(10, 20, 30, 40)).validatorSet(5);
    assertThat(set.quorumPower()).isEqualTo(BigInteger.valueOf(67));
    assertThat(set.powerOf(SignerBitmap.of(4, 1, 3))).isEqualTo(BigInteger.valueOf(60));
    assertThat(set.hasQuorum(SignerBitmap.of(4, 1, 2, 3))).isTrue(); // 90
    assertThat(set.hasQuorum(SignerBitmap.of(4, 0, 2, 3))).isTrue(); // 80
    assertThat(set.hasQuorum(SignerBitmap.of(4, 0, 1, 2))).isFalse(); // 60
    assertThatThrownBy(() -> set.powerOf(SignerBitmap.of(5, 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void lookupsFindTheBitmapIndex() {
    ValidatorSet set = four.validatorSet(2);
    for (int i = 0; i < 4; i++) {
      ValidatorInfo v = set.get(i);
      assertThat(set.indexOf(v.address())).hasValue(i);
      assertThat(set.indexOf(v.blsKey())).hasValue(i);
      assertThat(set.find(v.address())).contains(v);
      assertThat(set.findByBlsKey(v.blsKey())).contains(v);
    }
    assertThat(set.indexOf(Address.of(new byte[20]))).isEmpty();
    assertThat(set.publicKeys(SignerBitmap.of(4, 0, 2)))
        .containsExactly(set.get(0).blsKey(), set.get(2).blsKey());
  }

  @Test
  void validatorsMustBeStrictlyAscendingByAddress() {
    List<ValidatorInfo> vs = new ArrayList<>(four.validatorSet(0).validators());
    Collections.swap(vs, 1, 2);
    assertThatThrownBy(() -> new ValidatorSet(0, vs))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ascending");
    List<ValidatorInfo> dup = new ArrayList<>(four.validatorSet(0).validators());
    dup.set(1, dup.get(0));
    assertThatThrownBy(() -> new ValidatorSet(0, dup))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ValidatorSet(0, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void blsAndNodeKeysMustBeUnique() {
    List<ValidatorInfo> vs = four.validatorSet(0).validators();
    List<ValidatorInfo> sameBls = new ArrayList<>(vs);
    ValidatorInfo v1 = vs.get(1);
    sameBls.set(1, new ValidatorInfo(v1.address(), vs.get(0).blsKey(), v1.nodePublicKey(),
        v1.votingPower()));
    assertThatThrownBy(() -> new ValidatorSet(0, sameBls))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BLS");
    List<ValidatorInfo> sameNode = new ArrayList<>(vs);
    sameNode.set(1, new ValidatorInfo(v1.address(), v1.blsKey(), vs.get(0).nodePublicKey(),
        v1.votingPower()));
    assertThatThrownBy(() -> new ValidatorSet(0, sameNode))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("node key");
  }

  @Test
  void validatorInfoRejectsBadPowerAndNodeKeyLength() {
    ValidatorInfo v = four.validatorSet(0).get(0);
    assertThatThrownBy(() -> new ValidatorInfo(v.address(), v.blsKey(), v.nodePublicKey(),
        BigInteger.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ValidatorInfo(v.address(), v.blsKey(), v.nodePublicKey(),
        BigInteger.ONE.shiftLeft(256))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ValidatorInfo(v.address(), v.blsKey(), Bytes.of(new byte[31]),
        BigInteger.ONE)).isInstanceOf(IllegalArgumentException.class);
  }
}
