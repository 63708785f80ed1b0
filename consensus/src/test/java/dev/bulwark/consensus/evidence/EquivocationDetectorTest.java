package dev.bulwark.consensus.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.consensus.testing.ChainFixture;
import dev.bulwark.ledger.chain.Evidence;
import dev.bulwark.ledger.chain.EvidenceKind;
import dev.bulwark.ledger.chain.ProposalData;
import dev.bulwark.ledger.chain.SigningData;
import dev.bulwark.ledger.chain.TimeoutData;
import dev.bulwark.ledger.chain.VoteData;
import dev.bulwark.ledger.crypto.bls.SignatureScheme;
import dev.bulwark.ledger.testkit.TestValidators.TestValidator;
import dev.bulwark.ledger.types.Hash;
import org.junit.jupiter.api.Test;

class EquivocationDetectorTest {
  private final ChainFixture chain = new ChainFixture(4, 51, 2);
  private final TestValidator offender = chain.validators().get(1);
  private final TestValidator other = chain.validators().get(2);

  private static VoteData vote(long round, int block) {
    return new VoteData(
        ChainFixture.CHAIN_ID,
        2,
        round,
        Hash.of(
            new byte[] {
              (byte) block,
              1,
              2,
              3,
              4,
              5,
              6,
              7,
              8,
              9,
              10,
              11,
              12,
              13,
              14,
              15,
              16,
              17,
              18,
              19,
              20,
              21,
              22,
              23,
              24,
              25,
              26,
              27,
              28,
              29,
              30,
              31
            }),
        Hash.ZERO,
        round - 1);
  }

  private Observation observe(
      EquivocationDetector d, SigningData data, TestValidator signer, boolean verified) {
    return d.observe(
        data, offender.address(), offender.bls().publicKey(), signer.sign(data), verified);
  }

  @Test
  void twoDifferentVotesInOneRoundAreEvidenceReportedOnce() throws Exception {
    EquivocationDetector d = new EquivocationDetector(SignatureScheme.BLS);

    assertThat(observe(d, vote(5, 1), offender, false)).isEqualTo(Observation.NOTHING);
    Evidence e = observe(d, vote(5, 2), offender, false).evidence().orElseThrow();
    assertThat(observe(d, vote(5, 3), offender, false).evidence()).as("one offence").isEmpty();

    assertThat(e.kind()).isEqualTo(EvidenceKind.VOTE);
    assertThat(e.validator()).isEqualTo(offender.address());
    assertThat(e.round()).isEqualTo(5);
    e.verify(offender.bls().publicKey(), ChainFixture.CHAIN_ID, SignatureScheme.BLS);
    assertThat(d.reported(e.id())).isTrue();
  }

  @Test
  void duplicatesAndOtherRoundsAreNotEvidence() {
    EquivocationDetector d = new EquivocationDetector(SignatureScheme.BLS);
    observe(d, vote(5, 1), offender, false);

    assertThat(observe(d, vote(5, 1), offender, false)).isEqualTo(Observation.NOTHING);
    assertThat(observe(d, vote(6, 2), offender, false)).isEqualTo(Observation.NOTHING);
  }

  @Test
  void aForgedConflictingMessageIsNeverEvidence() {
    EquivocationDetector d = new EquivocationDetector(SignatureScheme.BLS);
    observe(d, vote(5, 1), offender, false);

    Observation forged = observe(d, vote(5, 2), other, false);

    assertThat(forged.badSignature()).isTrue();
    assertThat(forged.evidence()).isEmpty();
  }

  @Test
  void aRememberedForgeryIsReplacedByTheRealMessage() {
    EquivocationDetector d = new EquivocationDetector(SignatureScheme.BLS);
    observe(d, vote(5, 1), other, false); // forged in the offender's name, arrives first

    assertThat(observe(d, vote(5, 2), offender, false).evidence()).isEmpty();
    assertThat(observe(d, vote(5, 3), offender, false).evidence()).isPresent();
  }

  @Test
  void detectsProposalAndTimeoutEquivocationsToo() {
    EquivocationDetector d = new EquivocationDetector(SignatureScheme.BLS);
    ProposalData p1 = new ProposalData(ChainFixture.CHAIN_ID, 2, 9, vote(9, 1).blockId());
    ProposalData p2 = new ProposalData(ChainFixture.CHAIN_ID, 2, 9, vote(9, 2).blockId());
    TimeoutData t1 = new TimeoutData(ChainFixture.CHAIN_ID, 2, 9, 7);
    TimeoutData t2 = new TimeoutData(ChainFixture.CHAIN_ID, 2, 9, 8);

    observe(d, p1, offender, true);
    observe(d, t1, offender, true);

    assertThat(observe(d, p2, offender, true).evidence().orElseThrow().kind())
        .isEqualTo(EvidenceKind.PROPOSAL);
    assertThat(observe(d, t2, offender, true).evidence().orElseThrow().kind())
        .isEqualTo(EvidenceKind.TIMEOUT);
  }

  @Test
  void remembersABoundedNumberOfRounds() {
    EquivocationDetector d = new EquivocationDetector(SignatureScheme.BLS);
    for (long r = 1; r <= EquivocationDetector.MAX_ROUNDS_PER_SLOT + 10; r++) {
      observe(d, vote(r, 1), offender, true);
    }

    assertThat(observe(d, vote(1, 2), offender, false).evidence())
        .as("round 1 was forgotten")
        .isEmpty();
    assertThat(
            observe(d, vote(EquivocationDetector.MAX_ROUNDS_PER_SLOT + 10, 2), offender, false)
                .evidence())
        .isPresent();
  }
}
