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

  private static EquivocationDetector detector(int roundsAhead) {
    EquivocationDetector d = new EquivocationDetector(SignatureScheme.BLS, roundsAhead);
    d.enterRound(2, 1);
    return d;
  }

  private Observation observe(
      EquivocationDetector d, SigningData data, TestValidator signer, boolean verified) {
    return d.observe(
        data, offender.address(), offender.bls().publicKey(), signer.sign(data), verified);
  }

  @Test
  void twoDifferentVotesInOneRoundAreEvidenceReportedOnce() throws Exception {
    EquivocationDetector d = detector(50);

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
    EquivocationDetector d = detector(50);
    observe(d, vote(5, 1), offender, false);

    assertThat(observe(d, vote(5, 1), offender, false)).isEqualTo(Observation.NOTHING);
    assertThat(observe(d, vote(6, 2), offender, false)).isEqualTo(Observation.NOTHING);
  }

  @Test
  void aForgedConflictingMessageIsNeverEvidence() {
    EquivocationDetector d = detector(50);
    observe(d, vote(5, 1), offender, false);

    Observation forged = observe(d, vote(5, 2), other, false);

    assertThat(forged.badSignature()).isTrue();
    assertThat(forged.evidence()).isEmpty();
  }

  @Test
  void aRememberedForgeryIsReplacedByTheRealMessage() {
    EquivocationDetector d = detector(50);
    observe(d, vote(5, 1), other, false); // forged in the offender's name, arrives first

    assertThat(observe(d, vote(5, 2), offender, false).evidence()).isEmpty();
    assertThat(observe(d, vote(5, 3), offender, false).evidence()).isPresent();
  }

  @Test
  void detectsProposalAndTimeoutEquivocationsToo() {
    EquivocationDetector d = detector(50);
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
  void remembersOnlyTheRoundWindow() {
    EquivocationDetector d = detector(50);
    d.enterRound(2, 100);
    long ahead = 150;
    long behind = 100 - (EquivocationDetector.MAX_ROUNDS_PER_SLOT - 1 - 50);

    for (long r : new long[] {ahead + 1, behind - 1}) {
      observe(d, vote(r, 1), offender, true);
      assertThat(observe(d, vote(r, 2), offender, true)).isEqualTo(Observation.NOTHING);
    }
    for (long r : new long[] {ahead, behind}) {
      observe(d, vote(r, 1), offender, true);
      assertThat(observe(d, vote(r, 2), offender, true).evidence()).isPresent();
    }
  }

  @Test
  void roundsThatFallBehindTheWindowAreForgotten() {
    EquivocationDetector d = detector(50);
    observe(d, vote(5, 1), offender, true);
    d.enterRound(2, 4); // the window never moves back
    d.enterRound(2, 5 + EquivocationDetector.MAX_ROUNDS_PER_SLOT);

    d.enterRound(2, 6); // ignored: so round 5 is out of the window for good
    assertThat(observe(d, vote(5, 2), offender, true)).isEqualTo(Observation.NOTHING);
  }

  @Test
  void aLaterEpochForgetsTheEarlierOnesAndOnlyItsOwnMessagesCount() {
    EquivocationDetector d = detector(50);
    d.enterRound(3, 1);

    observe(d, vote(5, 1), offender, true); // epoch 2: not remembered any more
    assertThat(observe(d, vote(5, 2), offender, true)).isEqualTo(Observation.NOTHING);
  }

  @Test
  void anUnverifiedFloodNeverEvictsVerifiedEntries() {
    EquivocationDetector d = detector(400); // a window wider than the memory
    for (long r = 1; r <= EquivocationDetector.MAX_ROUNDS_PER_SLOT; r++) {
      observe(d, vote(r, 1), offender, true);
    }
    for (long r = 200; r < 400; r++) {
      observe(d, vote(r, 1), other, false); // forged, far ahead
    }
    observe(d, vote(300, 1), offender, true); // verified, but the farthest future: dropped

    assertThat(observe(d, vote(1, 2), offender, false).evidence()).isPresent();
    assertThat(observe(d, vote(EquivocationDetector.MAX_ROUNDS_PER_SLOT, 2), offender, false)
            .evidence())
        .isPresent();
  }

  @Test
  void overflowDropsTheFarthestFutureUnverifiedEntryFirst() {
    EquivocationDetector d = detector(400);
    for (long r = 1; r < EquivocationDetector.MAX_ROUNDS_PER_SLOT; r++) {
      observe(d, vote(r, 1), offender, true);
    }
    observe(d, vote(300, 1), offender, false); // unverified (though genuine)
    observe(d, vote(250, 1), offender, true); // verified: the unverified round 300 makes room

    assertThat(observe(d, vote(300, 2), offender, true).evidence())
        .as("round 300 was dropped")
        .isEmpty();
    assertThat(observe(d, vote(250, 2), offender, true).evidence()).isPresent();
    assertThat(observe(d, vote(1, 2), offender, true).evidence()).isPresent();
  }
}
