package dev.bulwark.consensus.round;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.consensus.liveness.ProposerElection;
import dev.bulwark.consensus.message.CommittedBlocksRequest;
import dev.bulwark.consensus.message.PeerId;
import dev.bulwark.consensus.message.ProposalMessage;
import dev.bulwark.consensus.message.SyncInfo;
import dev.bulwark.consensus.message.TimeoutMessage;
import dev.bulwark.consensus.message.VoteMessage;
import dev.bulwark.consensus.port.ExecutionResult;
import dev.bulwark.consensus.port.InMemoryCommittedChain;
import dev.bulwark.consensus.port.Payload;
import dev.bulwark.consensus.safety.InMemorySafetyStorage;
import dev.bulwark.consensus.safety.SafetyRules;
import dev.bulwark.consensus.safety.ValidatorSigner;
import dev.bulwark.consensus.testing.ChainFixture;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.CommitProof;
import dev.bulwark.ledger.chain.ProposalData;
import dev.bulwark.ledger.crypto.bls.SignatureScheme;
import dev.bulwark.ledger.testkit.TestValidators.TestValidator;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The core's reactions to single events, with real BLS and in-memory ports. */
class RoundManagerTest {
  private static final long T0 = 1_000_000;
  private static final PeerId PEER = new PeerId("peer-1");
  private static final ExecutionResult RESULT =
      new ExecutionResult(Hash.ZERO, Hash.ZERO, Hash.ZERO, Hash.ZERO, 0, 0, BigInteger.ZERO);

  private final ChainFixture chain = new ChainFixture(4, 71, 1);
  private final InMemorySafetyStorage storage = new InMemorySafetyStorage();
  private final ConsensusConfig config = ConsensusConfig.defaults(ChainFixture.CHAIN_ID, 100);

  private RoundManager node(int index) {
    return node(index, Payload.EMPTY);
  }

  private RoundManager node(int index, Payload payload) {
    return node(index, payload, new InMemoryCommittedChain(chain.root()));
  }

  private RoundManager node(int index, Payload payload, InMemoryCommittedChain committed) {
    TestValidator v = chain.validators().get(index);
    SafetyRules rules =
        new SafetyRules(
            ChainFixture.CHAIN_ID,
            new ValidatorSigner(v.address(), v.bls().secretKey(), SignatureScheme.BLS),
            storage);
    return new RoundManager(
        config,
        rules,
        (e, r, p) -> payload,
        e -> e == chain.epoch() ? Optional.of(chain.set()) : Optional.empty(),
        committed);
  }

  /** A validly signed proposal of round 1 by its leader, at time {@code ts}. */
  private ProposalMessage roundOneProposal(long ts) {
    int leader = leaderOf(1);
    Block draft = chain.child(chain.root(), chain.rootQc(), 1, leader);
    Block b =
        new Block(draft.header().toBuilder().timestampMillis(ts).build(), List.of(), List.of());
    return new ProposalMessage(
        b,
        chain
            .validators()
            .get(leader)
            .sign(new ProposalData(ChainFixture.CHAIN_ID, chain.epoch(), 1, b.hash())),
        Optional.empty());
  }

  private int leaderOf(long round) {
    return chain.set().indexOf(new ProposerElection(chain.set()).leader(round)).getAsInt();
  }

  /** A validator that leads neither round 1 nor round 2. */
  private int follower() {
    for (int i = 0; ; i++) {
      if (i != leaderOf(1) && i != leaderOf(2)) {
        return i;
      }
    }
  }

  private static <T extends Action> List<T> actions(List<Action> all, Class<T> type) {
    return all.stream().filter(type::isInstance).map(type::cast).toList();
  }

  @Test
  void startsInRoundOneWithARoundTimer() {
    RoundManager n = node(0);

    List<Action> out = n.handle(new Event.Start(T0));

    assertThat(n.round()).isEqualTo(1);
    assertThat(n.epoch()).isEqualTo(chain.epoch());
    assertThat(actions(out, Action.SetTimer.class))
        .anySatisfy(
            t -> {
              assertThat(t.kind()).isEqualTo(TimerKind.ROUND_TIMEOUT);
              assertThat(t.atMillis()).isEqualTo(T0 + 1000);
            });
  }

  @Test
  void votesForAValidProposalAfterItsExecutionMatches() {
    RoundManager n = node(follower());
    n.handle(new Event.Start(T0));
    ProposalMessage p = roundOneProposal(T0 + 10);

    List<Action> out = n.handle(new Event.MessageReceived(T0 + 20, PEER, p));
    Action.ExecuteBlock exec = actions(out, Action.ExecuteBlock.class).get(0);
    assertThat(exec.block()).isEqualTo(p.block());
    assertThat(actions(out, Action.SendTo.class)).isEmpty();

    List<Action> voted =
        n.handle(new Event.BlockExecuted(T0 + 30, p.block().hash(), Optional.of(RESULT)));

    assertThat(actions(voted, Action.SendTo.class))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.validator()).isEqualTo(chain.validators().get(leaderOf(2)).address());
              assertThat(s.message()).isEqualTo(storage.load().lastVote().orElseThrow());
            });
    assertThat(storage.load().lastVotedRound()).isEqualTo(1);
  }

  @Test
  void doesNotVoteWhenExecutionDisagreesWithTheHeader() {
    RoundManager n = node(3);
    n.handle(new Event.Start(T0));
    ProposalMessage p = roundOneProposal(T0 + 10);
    n.handle(new Event.MessageReceived(T0 + 20, PEER, p));

    n.handle(
        new Event.BlockExecuted(
            T0 + 30,
            p.block().hash(),
            Optional.of(
                new ExecutionResult(
                    Hash.of(new byte[32]),
                    Hash.ZERO,
                    Hash.ZERO,
                    Hash.ZERO,
                    1,
                    0,
                    BigInteger.ZERO))));

    assertThat(storage.load().lastVote()).isEmpty();
  }

  @Test
  void penalisesTheSendingPeerForABadSignatureAndReportsNoEvidence() {
    RoundManager n = node(3);
    n.handle(new Event.Start(T0));
    ProposalMessage good = roundOneProposal(T0 + 10);
    int other = (chain.set().indexOf(good.author()).getAsInt() + 1) % 4;
    ProposalMessage forged =
        new ProposalMessage(
            good.block(),
            chain
                .validators()
                .get(other)
                .sign(new ProposalData(ChainFixture.CHAIN_ID, chain.epoch(), 1, good.block().hash())),
            Optional.empty());

    List<Action> out = n.handle(new Event.MessageReceived(T0 + 20, PEER, forged));

    assertThat(actions(out, Action.PenalisePeer.class))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.peer()).isEqualTo(PEER);
              assertThat(p.reason()).isEqualTo(PenaltyReason.BAD_SIGNATURE);
            });
    assertThat(actions(out, Action.ReportEvidence.class)).isEmpty();
    assertThat(actions(out, Action.ExecuteBlock.class)).isEmpty();
  }

  @Test
  void reportsTwoSignedProposalsForOneRoundAsEvidence() {
    RoundManager n = node(3);
    n.handle(new Event.Start(T0));
    n.handle(new Event.MessageReceived(T0 + 20, PEER, roundOneProposal(T0 + 10)));

    List<Action> out =
        n.handle(new Event.MessageReceived(T0 + 21, PEER, roundOneProposal(T0 + 11)));

    assertThat(actions(out, Action.ReportEvidence.class))
        .singleElement()
        .satisfies(e -> assertThat(e.evidence().round()).isEqualTo(1));
  }

  @Test
  void rejectsATimestampTooFarAheadOfTheLocalClock() {
    RoundManager n = node(3);
    n.handle(new Event.Start(T0));

    List<Action> out =
        n.handle(
            new Event.MessageReceived(
                T0 + 20, PEER, roundOneProposal(T0 + 20 + config.maxClockSkewMillis() + 1)));

    assertThat(actions(out, Action.PenalisePeer.class))
        .singleElement()
        .satisfies(p -> assertThat(p.reason()).isEqualTo(PenaltyReason.TOO_FAR_IN_FUTURE));
  }

  @Test
  void malformedBytesAndStrangersArePenalised() {
    RoundManager n = node(0);
    n.handle(new Event.Start(T0));

    List<Action> junk = n.handle(new Event.BytesReceived(T0, PEER, Bytes.fromHex("0xdeadbeef")));
    VoteMessage stranger =
        new VoteMessage(
            chain.voteData(roundOneProposal(T0).block()),
            Address.fromHex("0x00000000000000000000000000000000000000aa"),
            chain.validators().get(0).sign(chain.voteData(roundOneProposal(T0).block())));
    List<Action> vote = n.handle(new Event.MessageReceived(T0, PEER, stranger));

    assertThat(actions(junk, Action.PenalisePeer.class))
        .singleElement()
        .satisfies(p -> assertThat(p.reason()).isEqualTo(PenaltyReason.MALFORMED));
    assertThat(actions(vote, Action.PenalisePeer.class))
        .singleElement()
        .satisfies(p -> assertThat(p.reason()).isEqualTo(PenaltyReason.NOT_A_VALIDATOR));
  }

  @Test
  void aMessageFromALaterEpochStartsCatchingUpWithThatPeer() {
    RoundManager n = node(0);
    n.handle(new Event.Start(T0));

    List<Action> out =
        n.handle(
            new Event.MessageReceived(
                T0, PEER, new SyncInfo(3, Optional.empty(), Optional.empty(), Optional.empty())));

    assertThat(actions(out, Action.SendToPeer.class))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.peer()).isEqualTo(PEER);
              assertThat(s.message())
                  .isEqualTo(new CommittedBlocksRequest(1, CommittedBlocksRequest.MAX_BLOCKS));
            });
  }

  @Test
  void futureEpochMessagesAreBufferedOnlyUpToTheLimit() {
    RoundManager n = node(0);
    n.handle(new Event.Start(T0));
    SyncInfo future = new SyncInfo(3, Optional.empty(), Optional.empty(), Optional.empty());
    for (int i = 0; i < config.maxBufferedPerPeer(); i++) {
      assertThat(
              actions(
                  n.handle(new Event.MessageReceived(T0, PEER, future)), Action.PenalisePeer.class))
          .isEmpty();
    }

    assertThat(
            actions(
                n.handle(new Event.MessageReceived(T0, PEER, future)), Action.PenalisePeer.class))
        .singleElement()
        .satisfies(p -> assertThat(p.reason()).isEqualTo(PenaltyReason.WRONG_EPOCH));
  }

  @Test
  void afterARestartTheStoredVoteIsSentAgainUnchanged() {
    RoundManager first = node(follower());
    first.handle(new Event.Start(T0));
    ProposalMessage p = roundOneProposal(T0 + 10);
    first.handle(new Event.MessageReceived(T0 + 20, PEER, p));
    first.handle(new Event.BlockExecuted(T0 + 30, p.block().hash(), Optional.of(RESULT)));
    VoteMessage stored = storage.load().lastVote().orElseThrow();

    List<Action> out = node(follower()).handle(new Event.Start(T0 + 5000));

    assertThat(actions(out, Action.SendTo.class))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.validator()).isEqualTo(chain.validators().get(leaderOf(2)).address());
              assertThat(s.message()).isEqualTo(stored);
            });
    assertThat(storage.load().lastVote()).contains(stored);
  }

  @Test
  void theLeaderWaitsForTheMinimumBlockInterval() {
    RoundManager n = node(leaderOf(1));
    long parentTime = chain.root().header().timestampMillis();

    List<Action> early = n.handle(new Event.Start(parentTime + 100));
    assertThat(actions(early, Action.ExecuteBlock.class)).isEmpty();
    assertThat(actions(early, Action.SetTimer.class))
        .anySatisfy(
            t -> {
              assertThat(t.kind()).isEqualTo(TimerKind.PROPOSAL_DELAY);
              assertThat(t.atMillis()).isEqualTo(parentTime + config.minBlockIntervalMillis());
            });

    List<Action> later =
        n.handle(new Event.TimerFired(parentTime + 250, TimerKind.PROPOSAL_DELAY, chain.epoch(), 1));
    Action.ExecuteBlock draft = actions(later, Action.ExecuteBlock.class).get(0);
    assertThat(draft.draft()).isTrue();
    assertThat(draft.block().header().timestampMillis()).isEqualTo(parentTime + 250);
  }

  @Test
  void theLeaderSignsARebuiltDraftOnlyWhenItKeepsTheDraftsSlot() {
    Payload two = new Payload(List.of(Bytes.of(new byte[] {1}), Bytes.of(new byte[] {2})), List.of());
    long start = chain.root().header().timestampMillis() + 1_000;

    RoundManager n = node(leaderOf(1), two);
    Action.ExecuteBlock draft =
        actions(n.handle(new Event.Start(start)), Action.ExecuteBlock.class).get(0);
    assertThat(draft.block().transactions()).hasSize(2);
    Block rebuilt =
        new Block(
            RESULT.applyTo(draft.block().header().toBuilder()).build(),
            List.of(Bytes.of(new byte[] {2})),
            List.of());
    List<Action> out = n.handle(new Event.DraftBuilt(start + 5, draft.block().hash(), Optional.of(rebuilt)));
    assertThat(actions(out, Action.Broadcast.class))
        .singleElement()
        .satisfies(b -> assertThat(((ProposalMessage) b.message()).block()).isEqualTo(rebuilt));

    RoundManager other = node(leaderOf(1), two);
    storage.save(dev.bulwark.consensus.safety.SafetyData.initial(0));
    Action.ExecuteBlock second =
        actions(other.handle(new Event.Start(start)), Action.ExecuteBlock.class).get(0);
    Block moved =
        new Block(
            second.block().header().toBuilder().timestampMillis(start + 99).build(),
            List.of(),
            List.of());
    List<Action> refused =
        other.handle(new Event.DraftBuilt(start + 5, second.block().hash(), Optional.of(moved)));
    assertThat(actions(refused, Action.Broadcast.class)).isEmpty();
  }

  @Test
  void afterARestartOfEveryNodeTheCommittedRootsQcLetsItTimeOut() {
    Block b1 = chain.child(chain.root(), chain.rootQc(), 1, leaderOf(1));
    Block b2 = chain.child(b1, chain.qc(b1), 2, leaderOf(2));
    Block b3 = chain.child(b2, chain.qc(b2), 3, leaderOf(3));
    InMemoryCommittedChain committed = new InMemoryCommittedChain(chain.root());
    committed.append(List.of(b1), new CommitProof(chain.qc(b2)), List.of());
    committed.append(List.of(b2), new CommitProof(chain.qc(b3)), List.of());
    RoundManager n = node(follower(), Payload.EMPTY, committed);
    long start = b3.header().timestampMillis() + 10;

    n.handle(new Event.Start(start));
    assertThat(n.highestQc()).contains(chain.qc(b2));
    assertThat(n.round()).isEqualTo(3);
    List<Action> out =
        n.handle(new Event.TimerFired(start + 60_000, TimerKind.ROUND_TIMEOUT, chain.epoch(), 3));

    assertThat(actions(out, Action.Broadcast.class))
        .anySatisfy(b -> assertThat(b.message()).isInstanceOf(TimeoutMessage.class));
  }
}
