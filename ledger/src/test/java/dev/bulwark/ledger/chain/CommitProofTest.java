package dev.bulwark.ledger.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.ledger.chain.VerificationException.Fault;
import dev.bulwark.ledger.testkit.TestValidators;
import dev.bulwark.ledger.types.Hash;
import org.junit.jupiter.api.Test;

class CommitProofTest {
  private static final long CHAIN = 99;
  private final TestValidators vals = TestValidators.create(7, 3);
  private final ValidatorSet set = vals.validatorSet(1);
  private final Hash parent = BlockIds.of("P");

  @Test
  void qcOnTheNextRoundsChildProvesTheParentFinal() {
    CommitProof proof =
        new CommitProof(vals.qc(new VoteData(CHAIN, 1, 8, BlockIds.of("B"), parent, 7),
            0, 1, 2, 4, 6));
    assertThat(proof.committedBlockId()).isEqualTo(parent);
    assertThat(proof.committedRound()).isEqualTo(7);
    assertThat(proof.epoch()).isEqualTo(1);
    assertThatCode(() -> proof.verify(CHAIN, set)).doesNotThrowAnyException();
  }

  @Test
  void aRoundGapIsNoCommit() {
    QuorumCertificate gap = vals.qcByAll(new VoteData(CHAIN, 1, 9, BlockIds.of("B"), parent, 7));
    assertThatThrownBy(() -> new CommitProof(gap))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("directly follows");
    QuorumCertificate genesis = QuorumCertificate.genesis(CHAIN, set, parent);
    assertThatThrownBy(() -> new CommitProof(genesis))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aProofWithoutQuorumOrFromAnotherEpochFails() {
    VoteData vote = new VoteData(CHAIN, 1, 8, BlockIds.of("B"), parent, 7);
    // 7 x 100: quorum 467 = 5 validators; 4 signers are one short
    CommitProof short4 = new CommitProof(vals.qc(vote, 0, 1, 2, 3));
    assertThatThrownBy(() -> short4.verify(set))
        .isInstanceOfSatisfying(VerificationException.class,
            e -> assertThat(e.fault()).isEqualTo(Fault.INSUFFICIENT_POWER));
    CommitProof ok = new CommitProof(vals.qc(vote, 0, 1, 2, 3, 4));
    assertThatThrownBy(() -> ok.verify(vals.validatorSet(2)))
        .isInstanceOfSatisfying(VerificationException.class,
            e -> assertThat(e.fault()).isEqualTo(Fault.WRONG_EPOCH));
    // signed by another validator set for the same epoch number
    ValidatorSet impostors = TestValidators.create(7, 4).validatorSet(1);
    assertThatThrownBy(() -> ok.verify(impostors))
        .isInstanceOfSatisfying(VerificationException.class,
            e -> assertThat(e.fault()).isEqualTo(Fault.BAD_SIGNATURE));
  }
}
