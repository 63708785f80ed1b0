package dev.bulwark.ledger.crypto.bls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.ledger.types.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import supranational.blst.P2_Affine;

class BlsAggregationTest {
  private static final byte[] MSG = "vote:round-7".getBytes(StandardCharsets.UTF_8);

  private final List<BlsKeyPair> keys =
      IntStream.range(0, 5).mapToObj(BlsAggregationTest::key).toList();

  private static BlsKeyPair key(int i) {
    byte[] ikm = new byte[32];
    ikm[0] = (byte) (i + 1);
    return BlsKeyPair.fromSecretKey(BlsSecretKey.keyGen(Bytes.of(ikm)));
  }

  private List<BlsSignature> sigs(List<BlsKeyPair> signers, byte[] msg) {
    return signers.stream().map(k -> Bls.sign(k.secretKey(), msg)).toList();
  }

  private static List<BlsPublicKey> pks(List<BlsKeyPair> kps) {
    return kps.stream().map(BlsKeyPair::publicKey).toList();
  }

  @Test
  void keyGenIsDeterministic() {
    assertThat(key(3).publicKey()).isEqualTo(key(3).publicKey());
    assertThat(key(3).publicKey()).isNotEqualTo(key(4).publicKey());
    assertThatThrownBy(() -> BlsSecretKey.keyGen(Bytes.of(new byte[31])))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sameMessageAggregateVerifiesOnlyAgainstExactlyItsSigners() {
    BlsSignature all = Bls.aggregate(sigs(keys, MSG));
    List<BlsKeyPair> subset = keys.subList(0, 4);
    BlsSignature part = Bls.aggregate(sigs(subset, MSG));

    assertThat(Bls.fastAggregateVerify(pks(keys), MSG, all)).isTrue();
    assertThat(Bls.fastAggregateVerify(pks(subset), MSG, part)).isTrue();
    // a subset's aggregate does not verify against the full set's keys, nor the reverse
    assertThat(Bls.fastAggregateVerify(pks(keys), MSG, part)).isFalse();
    assertThat(Bls.fastAggregateVerify(pks(subset), MSG, all)).isFalse();
    assertThat(Bls.fastAggregateVerify(pks(keys), "other".getBytes(StandardCharsets.UTF_8), all))
        .isFalse();
    // the aggregate key is the same check in another form
    assertThat(Bls.verify(Bls.aggregatePublicKeys(pks(keys)), MSG, all)).isTrue();
    assertThat(Bls.verify(Bls.aggregatePublicKeys(pks(keys)), MSG, part)).isFalse();
  }

  @Test
  void multiMessageAggregateFailsWhenOneMessageIsSwapped() {
    List<byte[]> msgs = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      msgs.add(("timeout:round-9:hqc-" + i).getBytes(StandardCharsets.UTF_8));
    }
    List<BlsSignature> sigs = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      sigs.add(Bls.sign(keys.get(i).secretKey(), msgs.get(i)));
    }
    BlsSignature agg = Bls.aggregate(sigs);
    assertThat(Bls.aggregateVerify(pks(keys), msgs, agg)).isTrue();

    List<byte[]> swapped = new ArrayList<>(msgs);
    swapped.set(2, "timeout:round-9:hqc-99".getBytes(StandardCharsets.UTF_8));
    assertThat(Bls.aggregateVerify(pks(keys), swapped, agg)).isFalse();
    List<byte[]> exchanged = new ArrayList<>(msgs);
    exchanged.set(0, msgs.get(1));
    exchanged.set(1, msgs.get(0));
    assertThat(Bls.aggregateVerify(pks(keys), exchanged, agg)).isFalse();
    assertThat(Bls.aggregateVerify(pks(keys.subList(0, 4)), msgs.subList(0, 4), agg)).isFalse();
  }

  @Test
  void multiMessageAggregateAllowsRepeatedMessages() {
    BlsSignature agg = Bls.aggregate(sigs(keys, MSG));
    List<byte[]> same = keys.stream().map(k -> MSG).toList();
    assertThat(Bls.aggregateVerify(pks(keys), same, agg)).isTrue();
  }

  @Test
  void emptyInputsAreRejected() {
    BlsSignature sig = Bls.sign(keys.get(0).secretKey(), MSG);
    assertThatThrownBy(() -> Bls.aggregate(List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Bls.aggregatePublicKeys(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Bls.fastAggregateVerify(List.of(), MSG, sig)).isFalse();
    assertThat(Bls.aggregateVerify(List.of(), List.of(), sig)).isFalse();
    assertThat(Bls.aggregateVerify(pks(keys.subList(0, 1)), List.of(), sig)).isFalse();
    // the aggregate of nothing is the identity, which verifies for no key
    assertThat(Bls.fastAggregateVerify(pks(keys), MSG, BlsSignature.INFINITY)).isFalse();
    assertThat(Bls.aggregateVerify(pks(keys.subList(0, 1)), List.of(MSG), BlsSignature.INFINITY))
        .isFalse();
  }

  @Test
  void signaturesOutsideG2AreRejected() {
    BlsSignature outside = curvePointOutsideG2();
    BlsSignature good = Bls.sign(keys.get(0).secretKey(), MSG);
    assertThatThrownBy(() -> Bls.aggregate(List.of(good, outside)))
        .isInstanceOf(InvalidSignaturePointException.class)
        .hasMessageContaining("G2");
    assertThat(Bls.verify(keys.get(0).publicKey(), MSG, outside)).isFalse();
    assertThat(Bls.fastAggregateVerify(pks(keys.subList(0, 1)), MSG, outside)).isFalse();
    assertThat(Bls.aggregateVerify(pks(keys.subList(0, 1)), List.of(MSG), outside)).isFalse();
  }

  @Test
  void aggregateOfCancellingKeysIsRejected() {
    BlsPublicKey pk = keys.get(0).publicKey();
    BlsPublicKey neg = BlsPublicKey.ofPoint(pk.point().to_jacobian().neg().to_affine());
    assertThatThrownBy(() -> Bls.aggregatePublicKeys(List.of(pk, neg)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Bls.fastAggregateVerify(List.of(pk, neg), MSG, BlsSignature.INFINITY)).isFalse();
  }

  /** A valid compressed curve point of E'(Fp2) outside the prime-order subgroup G2. */
  static BlsSignature curvePointOutsideG2() {
    Random random = new Random(7);
    while (true) {
      byte[] b = new byte[BlsSignature.SIZE];
      random.nextBytes(b);
      b[0] = (byte) (0x80 | (b[0] & 0x1f)); // compressed flag, not infinity, x < p by margin
      try {
        P2_Affine p = new P2_Affine(b);
        if (!p.in_group()) {
          return BlsSignature.fromBytes(Bytes.of(b));
        }
      } catch (RuntimeException notOnCurve) {
        // about half of all x have no point; try the next candidate
      }
    }
  }
}
