package dev.bulwark.consensus.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.consensus.message.TimeoutMessage;
import dev.bulwark.consensus.message.VoteMessage;
import dev.bulwark.consensus.testing.ChainFixture;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.ProposalData;
import dev.bulwark.ledger.chain.QuorumCertificate;
import dev.bulwark.ledger.chain.TimeoutCertificate;
import dev.bulwark.ledger.crypto.bls.Bls;
import dev.bulwark.ledger.crypto.bls.BlsSignature;
import dev.bulwark.ledger.crypto.bls.SignatureScheme;
import dev.bulwark.ledger.testkit.TestValidators.TestValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SafetyRulesTest {
  private final ChainFixture chain = new ChainFixture(4, 11, 1);
  private final TestValidator me = chain.validators().get(0);
  private InMemorySafetyStorage storage;
  private SafetyRules rules;
  private Block b1;
  private QuorumCertificate qc1;

  @BeforeEach
  void setUp() {
    storage = new InMemorySafetyStorage();
    rules = rulesOn(storage);
    b1 = chain.child(chain.root(), chain.rootQc(), 1, 1);
    qc1 = chain.qc(b1);
  }

  private SafetyRules rulesOn(SafetyStorage s) {
    SafetyRules r =
        new SafetyRules(
            ChainFixture.CHAIN_ID,
            new ValidatorSigner(me.address(), me.bls().secretKey(), SignatureScheme.BLS),
            s);
    r.startEpoch(chain.set());
    return r;
  }

  @Test
  void votesForADirectChildAndSignsTheVoteData() throws Exception {
    VoteMessage vote = rules.vote(b1, Optional.empty());

    assertThat(vote.vote()).isEqualTo(chain.voteData(b1));
    assertThat(vote.author()).isEqualTo(me.address());
    assertThat(
            Bls.verify(
                me.bls().publicKey(), vote.vote().signingBytes().toArray(), vote.signature()))
        .isTrue();
    assertThat(rules.data().lastVotedRound()).isEqualTo(1);
    assertThat(rules.data().oneChainRound()).isZero();
  }

  @Test
  void neverVotesTwiceInARoundAndResendsTheStoredVote() throws Exception {
    VoteMessage first = rules.vote(b1, Optional.empty());
    Block other = alternative(1);

    VoteMessage again = rules.vote(other, Optional.empty());

    assertThat(again).isEqualTo(first);
    assertThat(again.vote().blockId()).isEqualTo(b1.hash());
  }

  private Block alternative(long round) {
    Block b = chain.child(chain.root(), chain.rootQc(), round, 1);
    return new Block(
        b.header().toBuilder().timestampMillis(b.header().timestampMillis() + 1).build(),
        List.of(),
        List.of());
  }

  @Test
  void refusesRoundsAtOrBelowTheLastVotedRound() throws Exception {
    Block b2 = chain.child(b1, qc1, 2, 2);
    rules.vote(b2, Optional.empty());

    assertThatThrownBy(() -> rules.vote(b1, Optional.empty()))
        .isInstanceOf(UnsafeToSignException.class)
        .hasMessageContaining("last voted round");
  }

  @Test
  void observesTheQcOfTheVotedBlock() throws Exception {
    Block b2 = chain.child(b1, qc1, 2, 2);
    QuorumCertificate qc2 = chain.qc(b2);
    Block b3 = chain.child(b2, qc2, 3, 3);

    rules.vote(b3, Optional.empty());

    assertThat(rules.data().oneChainRound()).isEqualTo(2);
    assertThat(rules.data().preferredRound()).isEqualTo(1);
  }

  @Test
  void refusesAGapWithoutATimeoutCertificate() {
    Block b3 = chain.child(b1, qc1, 3, 3);

    assertThatThrownBy(() -> rules.vote(b3, Optional.empty()))
        .isInstanceOf(UnsafeToSignException.class)
        .hasMessageContaining("not safe to vote");
  }

  @Test
  void votesAfterATcOnlyWithAQcAsHighAsTheTcsHighestQc() throws Exception {
    TimeoutCertificate tc2 = chain.tc(2, 3, 1);
    Block onOld = chain.child(chain.root(), chain.rootQc(), 3, 3);
    Block onQc1 = chain.child(b1, qc1, 3, 3);

    assertThatThrownBy(() -> rules.vote(onOld, Optional.of(tc2)))
        .isInstanceOf(UnsafeToSignException.class);
    assertThat(rules.vote(onQc1, Optional.of(tc2)).round()).isEqualTo(3);
  }

  @Test
  void timesOutOncePerRoundAndResendsTheIdenticalTimeout() throws Exception {
    TimeoutMessage t = rules.timeout(2, qc1, Optional.empty());
    Block b2 = chain.child(b1, qc1, 2, 2);
    QuorumCertificate higher = chain.qc(b2);

    TimeoutMessage again = rules.timeout(2, higher, Optional.empty());

    assertThat(again).isEqualTo(t);
    assertThat(t.timeout().highQcRound()).isEqualTo(1);
    assertThat(rules.data().highestTimeoutRound()).isEqualTo(2);
  }

  @Test
  void neverVotesInARoundAfterTimingItOut() throws Exception {
    rules.timeout(2, qc1, Optional.empty());
    Block b2 = chain.child(b1, qc1, 2, 2);

    assertThatThrownBy(() -> rules.vote(b2, Optional.empty()))
        .isInstanceOf(UnsafeToSignException.class);
  }

  @Test
  void mayTimeOutARoundItVotedIn() throws Exception {
    Block b2 = chain.child(b1, qc1, 2, 2);
    rules.vote(b2, Optional.empty());

    assertThat(rules.timeout(2, qc1, Optional.empty()).round()).isEqualTo(2);
  }

  @Test
  void timeoutMustNameAQcAtLeastTheOneChainRound() throws Exception {
    Block b2 = chain.child(b1, qc1, 2, 2);
    Block b3 = chain.child(b2, chain.qc(b2), 3, 3);
    rules.vote(b3, Optional.empty()); // one-chain round is now 2
    TimeoutCertificate tc3 = chain.tc(3, 3, 1);

    assertThatThrownBy(() -> rules.timeout(4, qc1, Optional.of(tc3)))
        .isInstanceOf(UnsafeToSignException.class)
        .hasMessageContaining("one-chain");
  }

  @Test
  void timeoutRoundMustFollowTheQcOrTheTc() {
    assertThatThrownBy(() -> rules.timeout(5, qc1, Optional.empty()))
        .isInstanceOf(UnsafeToSignException.class);
  }

  @Test
  void proposesOncePerRound() throws Exception {
    Block mine = chain.child(b1, qc1, 2, 0);
    BlsSignature sig = rules.signProposal(mine);

    assertThat(
            Bls.verify(
                me.bls().publicKey(),
                new ProposalData(ChainFixture.CHAIN_ID, chain.epoch(), 2, mine.hash())
                    .signingBytes()
                    .toArray(),
                sig))
        .isTrue();
    assertThatThrownBy(() -> rules.signProposal(mine)).isInstanceOf(UnsafeToSignException.class);
  }

  @Test
  void refusesOtherEpochsAndNonMembers() {
    ChainFixture later = new ChainFixture(4, 11, 2);
    Block b = later.child(later.root(), later.rootQc(), 1, 1);

    assertThatThrownBy(() -> rules.vote(b, Optional.empty()))
        .isInstanceOf(UnsafeToSignException.class)
        .hasMessageContaining("epoch");
  }

  @Test
  void persistsBeforeAnySignatureIsReturned() throws Exception {
    List<SafetyData> saved = new ArrayList<>();
    SafetyStorage recording =
        new SafetyStorage() {
          @Override
          public SafetyData load() {
            return storage.load();
          }

          @Override
          public void save(SafetyData data) {
            saved.add(data);
            storage.save(data);
          }
        };
    SafetyRules r = rulesOn(recording);

    VoteMessage vote = r.vote(b1, Optional.empty());

    assertThat(saved).last().extracting(d -> d.lastVote().orElseThrow()).isEqualTo(vote);
  }

  @Test
  void aFailingStorageMeansNoSignature() {
    SafetyStorage broken =
        new SafetyStorage() {
          @Override
          public SafetyData load() {
            return SafetyData.initial(0);
          }

          @Override
          public void save(SafetyData data) {
            if (data.lastVote().isPresent()
                || data.lastTimeout().isPresent()
                || data.lastProposedRound() > 0) {
              throw new SafetyStorageException("disk full");
            }
          }
        };
    SafetyRules r = rulesOn(broken);

    assertThatThrownBy(() -> r.vote(b1, Optional.empty()))
        .isInstanceOf(SafetyStorageException.class);
    assertThatThrownBy(() -> r.timeout(2, qc1, Optional.empty()))
        .isInstanceOf(SafetyStorageException.class);
    assertThat(r.data().lastVote()).isEmpty();
  }

  @Test
  void afterARestartResendsTheIdenticalVoteAndSignsNothingDifferent() throws Exception {
    VoteMessage vote = rules.vote(b1, Optional.empty());
    TimeoutMessage timeout = rules.timeout(1, chain.rootQc(), Optional.empty());

    SafetyRules restarted = rulesOn(storage);

    assertThat(restarted.vote(alternative(1), Optional.empty())).isEqualTo(vote);
    assertThat(restarted.timeout(1, qc1, Optional.empty())).isEqualTo(timeout);
    assertThat(restarted.data()).isEqualTo(rules.data());
  }

  @Test
  void aNewEpochResetsTheRoundsOnlyForward() {
    rulesOn(storage);
    SafetyRules older =
        new SafetyRules(
            ChainFixture.CHAIN_ID,
            new ValidatorSigner(me.address(), me.bls().secretKey(), SignatureScheme.BLS),
            storage);
    older.startEpoch(new ChainFixture(4, 11, 0).set());

    assertThat(storage.load().epoch()).isEqualTo(1);
  }
}
