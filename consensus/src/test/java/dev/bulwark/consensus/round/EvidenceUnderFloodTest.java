package dev.bulwark.consensus.round;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.consensus.evidence.EquivocationDetector;
import dev.bulwark.consensus.liveness.ProposerElection;
import dev.bulwark.consensus.message.ConsensusMessage;
import dev.bulwark.consensus.message.PeerId;
import dev.bulwark.consensus.message.ProposalMessage;
import dev.bulwark.consensus.message.TimeoutMessage;
import dev.bulwark.consensus.message.VoteMessage;
import dev.bulwark.consensus.testing.ChainFixture;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.EvidenceKind;
import dev.bulwark.ledger.chain.ProposalData;
import dev.bulwark.ledger.chain.TimeoutData;
import dev.bulwark.ledger.chain.VoteData;
import dev.bulwark.ledger.crypto.bls.BlsSignature;
import dev.bulwark.ledger.testkit.TestValidators.TestValidator;
import dev.bulwark.ledger.types.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The equivocation detector cannot be blinded: a flood of messages in an offender's name, badly
 * signed or validly signed for rounds far ahead, leaves no trace in the detector's bounded memory,
 * so the offender's real double vote, double proposal or double timeout is still reported; a peer
 * flooding forged votes is penalised.
 */
class EvidenceUnderFloodTest {
  private static final long T0 = 1_000_000;
  private static final long FAR = 1_000_000;
  private static final int FLOOD = EquivocationDetector.MAX_ROUNDS_PER_SLOT + 8;
  private static final PeerId FLOODER = new PeerId("flooding-peer");

  private final ChainFixture chain = new ChainFixture(4, 71, 1);
  private final ConsensusConfig config = ConsensusConfig.defaults(ChainFixture.CHAIN_ID, 100);
  private final int offender = leaderOf(1);
  private final int observer = (offender + 1) % 4;

  private int leaderOf(long round) {
    return chain.set().indexOf(new ProposerElection(chain.set()).leader(round)).getAsInt();
  }

  private TestValidator offender() {
    return chain.validators().get(offender);
  }

  private RoundManager node() {
    return chain.startedNode(observer, config, T0);
  }

  private static List<Action> receive(RoundManager n, PeerId from, ConsensusMessage message) {
    return n.handle(new Event.MessageReceived(T0 + 300, from, message));
  }

  private Block roundOne() {
    return chain.child(chain.root(), chain.rootQc(), 1, offender);
  }

  private static Block later(Block b) {
    return new Block(
        b.header().toBuilder().timestampMillis(b.header().timestampMillis() + 1).build(),
        List.of(),
        List.of());
  }

  private VoteMessage vote(Block b) {
    VoteData d = chain.voteData(b);
    return new VoteMessage(d, offender().address(), offender().sign(d));
  }

  private ProposalMessage proposal(Block b) {
    ProposalData d =
        new ProposalData(ChainFixture.CHAIN_ID, chain.epoch(), b.header().round(), b.hash());
    return new ProposalMessage(b, offender().sign(d), Optional.empty());
  }

  private TimeoutMessage timeout(long round, boolean withRoundOneQc) {
    TimeoutData d =
        new TimeoutData(ChainFixture.CHAIN_ID, chain.epoch(), round, withRoundOneQc ? 1 : 0);
    return new TimeoutMessage(
        d,
        offender().address(),
        offender().sign(d),
        withRoundOneQc ? chain.qc(roundOne()) : chain.rootQc(),
        Optional.empty());
  }

  private static Hash hashOf(int i) {
    byte[] b = new byte[32];
    b[0] = (byte) i;
    b[1] = (byte) (i >> 8);
    b[2] = 1;
    return Hash.of(b);
  }

  private static List<EvidenceKind> evidence(List<Action> out) {
    return out.stream()
        .filter(Action.ReportEvidence.class::isInstance)
        .map(a -> ((Action.ReportEvidence) a).evidence().kind())
        .toList();
  }

  private List<Action> doubleVote(RoundManager n) {
    List<Action> out = new ArrayList<>(receive(n, new PeerId("p1"), vote(roundOne())));
    out.addAll(receive(n, new PeerId("p2"), vote(later(roundOne()))));
    return out;
  }

  @Test
  void aDoubleVoteIsReported() {
    assertThat(evidence(doubleVote(node()))).containsExactly(EvidenceKind.VOTE);
  }

  @Test
  void forgedFarFutureVotesArePenalisedAndDoNotHideADoubleVote() {
    RoundManager n = node();
    BlsSignature junk = chain.validators().get(observer).sign(chain.voteData(roundOne()));
    for (int i = 0; i < FLOOD; i++) {
      VoteData forged =
          new VoteData(ChainFixture.CHAIN_ID, chain.epoch(), FAR + i, hashOf(i), Hash.ZERO, 0);
      List<Action> out = receive(n, FLOODER, new VoteMessage(forged, offender().address(), junk));
      assertThat(out)
          .singleElement()
          .isInstanceOfSatisfying(
              Action.PenalisePeer.class,
              p -> {
                assertThat(p.peer()).isEqualTo(FLOODER);
                assertThat(p.reason()).isEqualTo(PenaltyReason.BAD_SIGNATURE);
              });
    }

    assertThat(evidence(doubleVote(n))).containsExactly(EvidenceKind.VOTE);
  }

  @Test
  void theOffendersOwnFarFutureVotesDoNotHideItsDoubleVote() {
    RoundManager n = node();
    for (int i = 0; i < FLOOD; i++) {
      VoteData d =
          new VoteData(ChainFixture.CHAIN_ID, chain.epoch(), FAR + i, hashOf(i), Hash.ZERO, 0);
      receive(n, FLOODER, new VoteMessage(d, offender().address(), offender().sign(d)));
    }

    assertThat(evidence(doubleVote(n))).containsExactly(EvidenceKind.VOTE);
  }

  @Test
  void farFutureProposalsDoNotHideADoubleProposal() {
    RoundManager n = node();
    for (int i = 0; i < FLOOD; i++) {
      Block b = roundOne();
      Block far =
          new Block(
              b.header().toBuilder().round(FAR + i).skippedRounds(List.of()).build(),
              List.of(),
              List.of());
      receive(n, FLOODER, proposal(far));
    }

    List<Action> out = new ArrayList<>(receive(n, new PeerId("p1"), proposal(roundOne())));
    out.addAll(receive(n, new PeerId("p2"), proposal(later(roundOne()))));

    assertThat(evidence(out)).containsExactly(EvidenceKind.PROPOSAL);
  }

  @Test
  void farFutureTimeoutsDoNotHideADoubleTimeout() {
    RoundManager n = node();
    for (int i = 0; i < FLOOD; i++) {
      receive(n, FLOODER, timeout(FAR + i, false));
    }

    List<Action> out = new ArrayList<>(receive(n, new PeerId("p1"), timeout(2, false)));
    out.addAll(receive(n, new PeerId("p2"), timeout(2, true)));

    assertThat(evidence(out)).containsExactly(EvidenceKind.TIMEOUT);
  }
}
