package dev.bulwark.ledger.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.ledger.chain.VerificationException.Fault;
import dev.bulwark.ledger.crypto.bls.Bls;
import dev.bulwark.ledger.crypto.bls.BlsSignature;
import dev.bulwark.ledger.testkit.TestValidators;
import dev.bulwark.ledger.types.Hash;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuorumCertificateTest {
  private static final long CHAIN = 1337;
  private final TestValidators vals = TestValidators.create(4, 5);
  private final ValidatorSet set = vals.validatorSet(3);
  private final VoteData vote =
      new VoteData(CHAIN, 3, 10, BlockIds.of("b10"), BlockIds.of("b9"), 9);

  private static Fault faultOf(QuorumCertificate qc, ValidatorSet set) {
    try {
      qc.verify(set);
      return null;
    } catch (VerificationException e) {
      return e.fault();
    }
  }

  @Test
  void quorumOfSignersVerifies() {
    assertThatCode(() -> vals.qc(vote, 0, 1, 2).verify(set)).doesNotThrowAnyException();
    assertThatCode(() -> vals.qcByAll(vote).verify(CHAIN, set)).doesNotThrowAnyException();
  }

  @Test
  void oneValidatorShortOfQuorumFails() {
    // 4 x 100: quorum 267, so two signers (200) are one validator short
    assertThat(faultOf(vals.qc(vote, 0, 3), set)).isEqualTo(Fault.INSUFFICIENT_POWER);
  }

  @Test
  void weightedQuorumCountsPowerNotHeads() {
    TestValidators weighted = TestValidators.withPowers(9,
        List.of(BigInteger.valueOf(10), BigInteger.valueOf(20), BigInteger.valueOf(30),
            BigInteger.valueOf(40)));
    ValidatorSet ws = weighted.validatorSet(3); // W = 100, quorum 67
    assertThat(faultOf(weighted.qc(vote, 0, 2, 3), ws)).isNull(); // 80
    assertThat(faultOf(weighted.qc(vote, 0, 1, 2), ws)).isEqualTo(Fault.INSUFFICIENT_POWER); // 60
    assertThat(faultOf(weighted.qc(vote, 2, 3), ws)).isNull(); // 70: two of four suffice
  }

  @Test
  void wrongEpochOrChainFails() {
    QuorumCertificate qc = vals.qcByAll(vote);
    assertThat(faultOf(qc, vals.validatorSet(4))).isEqualTo(Fault.WRONG_EPOCH);
    assertThatThrownBy(() -> qc.verify(CHAIN + 1, set))
        .isInstanceOfSatisfying(VerificationException.class,
            e -> assertThat(e.fault()).isEqualTo(Fault.WRONG_CHAIN));
  }

  @Test
  void bitmapOfAnotherSizeFails() {
    QuorumCertificate qc = vals.qcByAll(vote);
    ValidatorSet five = TestValidators.create(5, 5).validatorSet(3);
    assertThat(faultOf(qc, five)).isEqualTo(Fault.WRONG_BITMAP_SIZE);
  }

  @Test
  void forgedSignerBitFails() {
    QuorumCertificate honest = vals.qc(vote, 0, 1, 2);
    // claim validator 3 signed too, without its signature in the aggregate
    QuorumCertificate added =
        new QuorumCertificate(vote, honest.aggregate(), honest.signers().with(3));
    assertThat(faultOf(added, set)).isEqualTo(Fault.BAD_SIGNATURE);
    // or swap a real signer for a non-signer
    QuorumCertificate swapped =
        new QuorumCertificate(vote, honest.aggregate(), SignerBitmap.of(4, 0, 1, 3));
    assertThat(faultOf(swapped, set)).isEqualTo(Fault.BAD_SIGNATURE);
  }

  @Test
  void aggregateOverAnotherMessageFails() {
    VoteData other = new VoteData(CHAIN, 3, 10, BlockIds.of("fork"), vote.parentId(), 9);
    QuorumCertificate signedOther = vals.qcByAll(other);
    QuorumCertificate relabelled =
        new QuorumCertificate(vote, signedOther.aggregate(), signedOther.signers());
    assertThat(faultOf(relabelled, set)).isEqualTo(Fault.BAD_SIGNATURE);
  }

  @Test
  void genesisCertificateVerifiesWithoutSignaturesButOnlyInItsShape() {
    Hash root = BlockIds.of("genesis");
    QuorumCertificate g = QuorumCertificate.genesis(CHAIN, set, root);
    assertThat(g.isGenesis()).isTrue();
    assertThat(g.blockId()).isEqualTo(root);
    assertThat(g.signers().count()).isZero();
    assertThat(faultOf(g, set)).isNull();
    assertThat(faultOf(g, vals.validatorSet(4))).isEqualTo(Fault.WRONG_EPOCH);

    VoteData round0 = g.vote();
    BlsSignature someSig = Bls.sign(vals.get(0).bls().secretKey(), new byte[] {1});
    assertThatThrownBy(() -> new QuorumCertificate(round0, someSig, g.signers()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new QuorumCertificate(round0, g.aggregate(), SignerBitmap.of(4, 1)))
        .isInstanceOf(IllegalArgumentException.class);
    VoteData otherParent = new VoteData(CHAIN, 3, 0, root, Hash.ZERO, 0);
    assertThatThrownBy(() -> new QuorumCertificate(otherParent, g.aggregate(), g.signers()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anUnsignedCertificateForARealRoundFails() {
    QuorumCertificate unsigned =
        new QuorumCertificate(vote, BlsSignature.INFINITY, SignerBitmap.of(4, 0, 1, 2));
    assertThat(faultOf(unsigned, set)).isEqualTo(Fault.BAD_SIGNATURE);
  }
}
