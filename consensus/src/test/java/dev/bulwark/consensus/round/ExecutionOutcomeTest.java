package dev.bulwark.consensus.round;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.consensus.liveness.ProposerElection;
import dev.bulwark.consensus.message.PeerId;
import dev.bulwark.consensus.message.ProposalMessage;
import dev.bulwark.consensus.port.ExecutionOutcome;
import dev.bulwark.consensus.port.ExecutionResult;
import dev.bulwark.consensus.port.InMemoryCommittedChain;
import dev.bulwark.consensus.port.Payload;
import dev.bulwark.consensus.safety.InMemorySafetyStorage;
import dev.bulwark.consensus.safety.SafetyRules;
import dev.bulwark.consensus.safety.ValidatorSigner;
import dev.bulwark.consensus.testing.ChainFixture;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.ProposalData;
import dev.bulwark.ledger.crypto.bls.SignatureScheme;
import dev.bulwark.ledger.testkit.TestValidators.TestValidator;
import dev.bulwark.ledger.types.Hash;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The core by execution outcome: executed and matching → vote; invalid → no vote, for the block
 * and its descendants; not available now → retried (bounded, then at each round timeout) and voted
 * for once it executes, never refused.
 */
class ExecutionOutcomeTest {
  private static final long NOW = 1_001_000;
  private static final PeerId PEER = new PeerId("peer-1");
  private static final ExecutionOutcome EXECUTED =
      new ExecutionOutcome.Executed(
          new ExecutionResult(Hash.ZERO, Hash.ZERO, Hash.ZERO, Hash.ZERO, 0, 0, BigInteger.ZERO));
  private static final ExecutionOutcome UNAVAILABLE =
      new ExecutionOutcome.Unavailable("the ledger did not answer in time");

  private final ChainFixture chain = new ChainFixture(4, 71, 1);
  private final InMemorySafetyStorage storage = new InMemorySafetyStorage();
  private final ConsensusConfig config = ConsensusConfig.defaults(ChainFixture.CHAIN_ID, 100);
  private final Block b1 = chain.child(chain.root(), chain.rootQc(), 1, leaderOf(1));
  private List<Action> started;

  private RoundManager node(int index) {
    TestValidator v = chain.validators().get(index);
    RoundManager n =
        new RoundManager(
            config,
            new SafetyRules(
                ChainFixture.CHAIN_ID,
                new ValidatorSigner(v.address(), v.bls().secretKey(), SignatureScheme.BLS),
                storage),
            (e, r, p) -> Payload.EMPTY,
            e -> e == chain.epoch() ? Optional.of(chain.set()) : Optional.empty(),
            new InMemoryCommittedChain(chain.root()));
    started = n.handle(new Event.Start(NOW));
    return n;
  }

  private int leaderOf(long round) {
    return chain.set().indexOf(new ProposerElection(chain.set()).leader(round)).getAsInt();
  }

  private int follower() {
    for (int i = 0; ; i++) {
      if (i != leaderOf(1) && i != leaderOf(2) && i != leaderOf(3)) {
        return i;
      }
    }
  }

  private ProposalMessage proposal(Block b) {
    return new ProposalMessage(
        b,
        chain
            .validators()
            .get(leaderOf(b.header().round()))
            .sign(
                new ProposalData(
                    ChainFixture.CHAIN_ID, chain.epoch(), b.header().round(), b.hash())),
        Optional.empty());
  }

  private static List<Action.ExecuteBlock> executions(List<Action> out) {
    return out.stream()
        .filter(Action.ExecuteBlock.class::isInstance)
        .map(Action.ExecuteBlock.class::cast)
        .toList();
  }

  private List<Action> executed(RoundManager n, Block b, ExecutionOutcome outcome) {
    return n.handle(new Event.BlockExecuted(NOW, b.hash(), outcome));
  }

  @Test
  void anExecutedMatchingBlockIsVotedFor() {
    RoundManager n = node(follower());
    n.handle(new Event.MessageReceived(NOW, PEER, proposal(b1)));

    executed(n, b1, EXECUTED);

    assertThat(storage.load().lastVote()).hasValueSatisfying(v -> assertThat(v.round()).isEqualTo(1));
  }

  @Test
  void anInvalidBlockAndItsDescendantsAreNeverVotedFor() {
    RoundManager n = node(follower());
    n.handle(new Event.MessageReceived(NOW, PEER, proposal(b1)));

    List<Action> out = executed(n, b1, new ExecutionOutcome.Invalid("a transfer overdraws"));
    Block b2 = chain.child(b1, chain.qc(b1), 2, leaderOf(2));
    List<Action> child = n.handle(new Event.MessageReceived(NOW, PEER, proposal(b2)));

    assertThat(executions(out)).isEmpty();
    assertThat(executions(child)).as("a child of an invalid block is never executed").isEmpty();
    assertThat(storage.load().lastVote()).isEmpty();
  }

  @Test
  void aBlockTheLedgerCouldNotExecuteNowIsRetriedAndVotedForOnceItExecutes() {
    RoundManager n = node(follower());
    n.handle(new Event.MessageReceived(NOW, PEER, proposal(b1)));

    List<Action> retry = executed(n, b1, UNAVAILABLE);
    assertThat(executions(retry))
        .singleElement()
        .satisfies(x -> assertThat(x.block()).isEqualTo(b1));
    assertThat(storage.load().lastVote()).isEmpty();

    executed(n, b1, EXECUTED);

    assertThat(storage.load().lastVote()).hasValueSatisfying(v -> assertThat(v.vote().blockId()).isEqualTo(b1.hash()));
  }

  @Test
  void retriesAreBoundedThenResumeAtTheRoundTimeoutAndTheBlockIsNeverRefused() {
    RoundManager n = node(follower());
    n.handle(new Event.MessageReceived(NOW, PEER, proposal(b1)));
    for (int i = 0; i < Execution.RETRIES; i++) {
      assertThat(executions(executed(n, b1, UNAVAILABLE))).hasSize(1);
    }

    assertThat(executions(executed(n, b1, UNAVAILABLE))).as("the immediate retries ran out").isEmpty();

    // b2 on b1 waits for its parent rather than being rejected with it
    Block b2 = chain.child(b1, chain.qc(b1), 2, leaderOf(2));
    n.handle(new Event.MessageReceived(NOW, PEER, proposal(b2)));
    List<Action> timedOut =
        n.handle(new Event.TimerFired(NOW + 60_000, TimerKind.ROUND_TIMEOUT, chain.epoch(), 2));
    assertThat(executions(timedOut))
        .as("one more attempt at the round timeout")
        .singleElement()
        .satisfies(x -> assertThat(x.block()).isEqualTo(b1));
    List<Action> children = executed(n, b1, EXECUTED);
    assertThat(executions(children))
        .as("its child executes once it does")
        .singleElement()
        .satisfies(x -> assertThat(x.block()).isEqualTo(b2));
    // (no vote for b2: the node timed round 2 out meanwhile, and never votes in a round after that)
  }

  @Test
  void aRetryReexecutesAnUncommittedParentFirst() {
    RoundManager n = node(follower());
    n.handle(new Event.MessageReceived(NOW, PEER, proposal(b1)));
    executed(n, b1, EXECUTED);
    Block b2 = chain.child(b1, chain.qc(b1), 2, leaderOf(2));
    n.handle(new Event.MessageReceived(NOW, PEER, proposal(b2)));

    List<Action> retry = executed(n, b2, new ExecutionOutcome.Unavailable("parent state unknown"));

    assertThat(executions(retry).stream().map(Action.ExecuteBlock::block))
        .containsExactly(b1, b2);
    assertThat(executions(executed(n, b1, EXECUTED))).as("b1 was settled already").isEmpty();
    executed(n, b2, EXECUTED);
    assertThat(storage.load().lastVote()).hasValueSatisfying(v -> assertThat(v.vote().blockId()).isEqualTo(b2.hash()));
  }

  @Test
  void theLeaderRetriesADraftTheLedgerCouldNotExecuteNow() {
    RoundManager n = node(leaderOf(1));
    Action.ExecuteBlock draft = executions(started).get(0);
    assertThat(draft.draft()).isTrue();

    List<Action> retry = n.handle(new Event.BlockExecuted(NOW, draft.block().hash(), UNAVAILABLE));
    assertThat(executions(retry)).singleElement().satisfies(x -> assertThat(x.draft()).isTrue());

    List<Action> signed = n.handle(new Event.BlockExecuted(NOW, draft.block().hash(), EXECUTED));
    assertThat(signed)
        .anySatisfy(a -> assertThat(a).isInstanceOf(Action.Broadcast.class))
        .filteredOn(Action.Broadcast.class::isInstance)
        .anySatisfy(
            a -> assertThat(((Action.Broadcast) a).message()).isInstanceOf(ProposalMessage.class));
  }
}
