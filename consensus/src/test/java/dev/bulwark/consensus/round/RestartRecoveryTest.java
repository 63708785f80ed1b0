package dev.bulwark.consensus.round;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.consensus.liveness.ProposerElection;
import dev.bulwark.consensus.message.PeerId;
import dev.bulwark.consensus.message.ProposalMessage;
import dev.bulwark.consensus.message.TimeoutMessage;
import dev.bulwark.consensus.message.VoteMessage;
import dev.bulwark.consensus.persistence.InMemoryBlockTreeStorage;
import dev.bulwark.consensus.port.ExecutionResult;
import dev.bulwark.consensus.port.InMemoryCommittedChain;
import dev.bulwark.consensus.port.Payload;
import dev.bulwark.consensus.safety.InMemorySafetyStorage;
import dev.bulwark.consensus.safety.SafetyData;
import dev.bulwark.consensus.safety.SafetyRules;
import dev.bulwark.consensus.safety.ValidatorSigner;
import dev.bulwark.consensus.testing.ChainFixture;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.ProposalData;
import dev.bulwark.ledger.chain.QuorumCertificate;
import dev.bulwark.ledger.crypto.bls.SignatureScheme;
import dev.bulwark.ledger.testkit.TestValidators.TestValidator;
import dev.bulwark.ledger.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Restart of one validator from what survives a crash: the committed chain, the safety data and
 * the persisted block tree (review defect D2, single-node mechanism). A follower in the steady state
 * has voted for B4, whose header carries QC(B3), so its safety data holds one-chain round 3 while
 * its committed chain ends at B2. Without the tree its highest QC after a restart is QC(B2) and
 * SafetyRules refuses every timeout; the whole cluster in that state never moves again.
 */
class RestartRecoveryTest {
  private static final long T0 = 1_002_000;
  private static final PeerId PEER = new PeerId("peer-1");
  private static final ExecutionResult RESULT =
      new ExecutionResult(Hash.ZERO, Hash.ZERO, Hash.ZERO, Hash.ZERO, 0, 0, BigInteger.ZERO);

  private final ChainFixture chain = new ChainFixture(4, 71, 1);
  private final InMemorySafetyStorage safety = new InMemorySafetyStorage();
  private final InMemoryBlockTreeStorage tree = new InMemoryBlockTreeStorage();
  private final InMemoryCommittedChain committed = new InMemoryCommittedChain(chain.root());
  private final ConsensusConfig config = ConsensusConfig.defaults(ChainFixture.CHAIN_ID, 100);
  private final List<Action.CommitBlocks> unapplied = new ArrayList<>();
  private boolean ledgerUp = true;

  private int leaderOf(long round) {
    return chain.set().indexOf(new ProposerElection(chain.set()).leader(round)).getAsInt();
  }

  /** A validator leading none of rounds 1..6 (else 0: the test only needs one that follows). */
  private int follower() {
    for (int i = 0; i < 4; i++) {
      boolean leads = false;
      for (long r = 1; r <= 6; r++) {
        leads |= leaderOf(r) == i;
      }
      if (!leads) {
        return i;
      }
    }
    return 0;
  }

  private RoundManager node(int index) {
    TestValidator v = chain.validators().get(index);
    SafetyRules rules =
        new SafetyRules(
            ChainFixture.CHAIN_ID,
            new ValidatorSigner(v.address(), v.bls().secretKey(), SignatureScheme.BLS),
            safety);
    return new RoundManager(
        config,
        rules,
        (e, r, p) -> Payload.EMPTY,
        e -> e == chain.epoch() ? Optional.of(chain.set()) : Optional.empty(),
        committed,
        tree);
  }

  private ProposalMessage proposal(Block b) {
    int leader = leaderOf(b.header().round());
    return new ProposalMessage(
        b,
        chain
            .validators()
            .get(leader)
            .sign(
                new ProposalData(
                    ChainFixture.CHAIN_ID, chain.epoch(), b.header().round(), b.hash())),
        Optional.empty());
  }

  private List<Action> step(RoundManager n, Block b, long t) {
    List<Action> out =
        new ArrayList<>(apply(n.handle(new Event.MessageReceived(t, PEER, proposal(b)))));
    out.addAll(apply(n.handle(new Event.BlockExecuted(t + 1, b.hash(), Optional.of(RESULT)))));
    return out;
  }

  /** Applies commits like the ledger, or keeps them unapplied while the ledger is "slow". */
  private List<Action> apply(List<Action> out) {
    for (Action a : out) {
      if (a instanceof Action.CommitBlocks c) {
        if (ledgerUp) {
          committed.append(c.blocks(), c.proof(), c.proofPath());
        } else {
          unapplied.add(c);
        }
      }
    }
    return out;
  }

  private static List<VoteMessage> votes(List<Action> out) {
    List<VoteMessage> votes = new ArrayList<>();
    for (Action a : out) {
      if (a instanceof Action.SendTo s && s.message() instanceof VoteMessage v) {
        votes.add(v);
      }
    }
    return votes;
  }

  /** B1..B4 in rounds 1..4, each with its parent's QC. */
  private List<Block> fourBlocks() {
    Block b1 = chain.child(chain.root(), chain.rootQc(), 1, leaderOf(1));
    Block b2 = chain.child(b1, chain.qc(b1), 2, leaderOf(2));
    Block b3 = chain.child(b2, chain.qc(b2), 3, leaderOf(3));
    Block b4 = chain.child(b3, chain.qc(b3), 4, leaderOf(4));
    return List.of(b1, b2, b3, b4);
  }

  @Test
  void aRestartedFollowerInTheSteadyStateCanTimeOut() {
    int me = follower();
    RoundManager n = node(me);
    n.handle(new Event.Start(T0));
    long t = T0;
    for (Block b : fourBlocks()) {
      step(n, b, t += 10);
    }
    SafetyData before = safety.load();
    assertThat(before.lastVotedRound()).isEqualTo(4);
    assertThat(before.oneChainRound()).isEqualTo(3);
    assertThat(committed.height()).isEqualTo(2);

    RoundManager restarted = node(me); // kill -9: only the chain, safety data and tree survive
    restarted.handle(new Event.Start(t + 5_000));

    assertThat(restarted.highestQc().map(QuorumCertificate::round)).contains(3L);
    assertThat(restarted.round()).isEqualTo(4);
    List<Action> out =
        restarted.handle(
            new Event.TimerFired(
                t + 60_000, TimerKind.ROUND_TIMEOUT, chain.epoch(), restarted.round()));
    assertThat(out)
        .as("a restarted validator must be able to time out, or a whole-cluster restart never"
            + " recovers")
        .anySatisfy(
            a ->
                assertThat(a)
                    .isInstanceOfSatisfying(
                        Action.Broadcast.class,
                        b -> assertThat(b.message()).isInstanceOf(TimeoutMessage.class)));
  }

  @Test
  void aRestartedValidatorRepeatsItsVoteAndNeverSignsAnotherInThatRound() {
    int me = follower();
    RoundManager n = node(me);
    n.handle(new Event.Start(T0));
    long t = T0;
    List<Block> blocks = fourBlocks();
    List<VoteMessage> signed = new ArrayList<>();
    for (Block b : blocks) {
      signed.addAll(votes(step(n, b, t += 10)));
    }
    VoteMessage round4 = signed.get(signed.size() - 1);
    assertThat(round4.round()).isEqualTo(4);

    RoundManager restarted = node(me);
    List<Action> start = apply(restarted.handle(new Event.Start(t + 5_000)));
    assertThat(votes(start)).containsExactly(round4);
    // the leader of round 4 equivocates: another block of round 4 on the same parent
    Block other =
        new Block(
            blocks.get(3).header().toBuilder()
                .timestampMillis(blocks.get(3).header().timestampMillis() + 1)
                .build(), List.of(), List.of());
    assertThat(other.hash()).isNotEqualTo(round4.vote().blockId());
    List<Action> out = step(restarted, other, t + 5_010);
    assertThat(votes(out)).isEmpty();
    assertThat(safety.load().lastVote()).contains(round4);
  }

  @Test
  void aCommitTheLedgerNeverMadeDurableIsDecidedAgainAfterARestart() {
    int me = follower();
    RoundManager n = node(me);
    n.handle(new Event.Start(T0));
    long t = T0;
    List<Block> blocks = fourBlocks();
    step(n, blocks.get(0), t += 10);
    step(n, blocks.get(1), t += 10);
    ledgerUp = false; // the commits decided from here on are lost in the crash
    step(n, blocks.get(2), t += 10);
    step(n, blocks.get(3), t += 10);
    assertThat(unapplied).isNotEmpty();
    assertThat(committed.height()).isEqualTo(0);

    ledgerUp = true;
    RoundManager restarted = node(me);
    apply(restarted.handle(new Event.Start(t + 5_000)));

    assertThat(committed.height()).isEqualTo(2);
    assertThat(committed.lastBlock()).isEqualTo(blocks.get(1));
    assertThat(restarted.round()).isEqualTo(4);
  }

  @Test
  void committedBlocksLeaveTheStoredTree() {
    RoundManager n = node(follower());
    n.handle(new Event.Start(T0));
    long t = T0;
    for (Block b : fourBlocks()) {
      step(n, b, t += 10);
    }
    assertThat(committed.height()).isEqualTo(2);
    assertThat(tree.load().blocks())
        .allSatisfy(b -> assertThat(b.header().number()).isGreaterThan(1));
    RoundManager restarted = node(follower());
    restarted.handle(new Event.Start(t + 5_000));
    assertThat(tree.load().blocks())
        .extracting(b -> b.header().number())
        .containsExactly(3L, 4L);
  }
}
