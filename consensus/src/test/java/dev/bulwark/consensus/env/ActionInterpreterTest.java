package dev.bulwark.consensus.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.consensus.liveness.ProposerElection;
import dev.bulwark.consensus.message.ConsensusMessage;
import dev.bulwark.consensus.message.PeerId;
import dev.bulwark.consensus.message.ProposalMessage;
import dev.bulwark.consensus.port.CommitRefusedException;
import dev.bulwark.consensus.port.DraftResult;
import dev.bulwark.consensus.port.ExecutionOutcome;
import dev.bulwark.consensus.port.ExecutionResult;
import dev.bulwark.consensus.port.InMemoryCommittedChain;
import dev.bulwark.consensus.port.Payload;
import dev.bulwark.consensus.port.StateComputer;
import dev.bulwark.consensus.round.ConsensusConfig;
import dev.bulwark.consensus.round.Event;
import dev.bulwark.consensus.round.PenaltyReason;
import dev.bulwark.consensus.round.RoundManager;
import dev.bulwark.consensus.safety.InMemorySafetyStorage;
import dev.bulwark.consensus.safety.SafetyData;
import dev.bulwark.consensus.safety.SafetyRules;
import dev.bulwark.consensus.safety.SafetyStorage;
import dev.bulwark.consensus.safety.SafetyStorageException;
import dev.bulwark.consensus.safety.ValidatorSigner;
import dev.bulwark.consensus.testing.ChainFixture;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.chain.CommitProof;
import dev.bulwark.ledger.chain.Evidence;
import dev.bulwark.ledger.chain.ProposalData;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.crypto.bls.SignatureScheme;
import dev.bulwark.ledger.testkit.TestValidators.TestValidator;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The one interpreter of the core's actions: a leader's draft goes to the state computer's build
 * and the rebuilt block is what it proposes; a halt or a refused commit stops it for good.
 */
class ActionInterpreterTest {
  private static final long NOW = 1_001_000;
  private static final PeerId PEER = new PeerId("peer-1");
  private static final ExecutionResult RESULT =
      new ExecutionResult(Hash.ZERO, Hash.ZERO, Hash.ZERO, Hash.ZERO, 0, 0, BigInteger.ZERO);

  private final ChainFixture chain = new ChainFixture(4, 71, 1);
  private final Recorder env = new Recorder();

  /** Records what the interpreter asks of its ports; answers through a scripted computer. */
  private static final class Recorder
      implements Transport, Timers, StateComputerPort, EvidenceSink, PeerPenalties, HaltPort {
    final List<ConsensusMessage> sent = new ArrayList<>();
    final TreeMap<Long, List<Runnable>> timers = new TreeMap<>();
    final List<String> halts = new ArrayList<>();
    final List<List<Block>> commits = new ArrayList<>();
    final List<Block> drafts = new ArrayList<>();
    int events;
    StateComputer computer;

    Environment environment() {
      return new Environment(this, this, this, this, this, this, core -> events++);
    }

    @Override
    public void sendTo(Address validator, ConsensusMessage message) {
      sent.add(message);
    }

    @Override
    public void broadcast(ConsensusMessage message) {
      sent.add(message);
    }

    @Override
    public void sendToPeer(PeerId peer, ConsensusMessage message) {
      sent.add(message);
    }

    @Override
    public long now() {
      return NOW;
    }

    @Override
    public void schedule(long atMillis, Runnable fire) {
      timers.computeIfAbsent(atMillis, t -> new ArrayList<>()).add(fire);
    }

    @Override
    public void execute(Block block, BlockHeader parent, Consumer<ExecutionOutcome> done) {
      done.accept(computer.execute(block, parent));
    }

    @Override
    public void build(Block draft, BlockHeader parent, Consumer<DraftResult> done) {
      drafts.add(draft);
      done.accept(computer.build(draft, parent));
    }

    @Override
    public void commit(
        List<Block> blocks, CommitProof proof, List<BlockHeader> proofPath, CommitCallback done) {
      commits.add(blocks);
      try {
        done.applied(computer.commit(blocks, proof, proofPath));
      } catch (CommitRefusedException e) {
        done.refused(e.getMessage());
      }
    }

    @Override
    public void report(Evidence evidence) {}

    @Override
    public void penalise(PeerId peer, PenaltyReason reason, String detail) {}

    @Override
    public void halt(String reason) {
      halts.add(reason);
    }
  }

  /** Executes everything with {@link #RESULT}; rebuilds drafts with it; refuses commits. */
  private static final class Scripted implements StateComputer {
    @Override
    public ExecutionOutcome execute(Block block, BlockHeader parent) {
      return new ExecutionOutcome.Executed(RESULT);
    }

    @Override
    public DraftResult build(Block draft, BlockHeader parent) {
      BlockHeader h = RESULT.applyTo(draft.header().toBuilder()).build();
      return DraftResult.rebuilt(
          new ExecutionOutcome.Executed(RESULT), new Block(h, List.of(), List.of()));
    }

    @Override
    public Optional<ValidatorSet> commit(
        List<Block> blocks, CommitProof proof, List<BlockHeader> proofPath)
        throws CommitRefusedException {
      throw new CommitRefusedException("block 1 does not extend the ledger's head", null);
    }
  }

  private RoundManager core(int index, SafetyStorage storage) {
    TestValidator v = chain.validators().get(index);
    SafetyRules rules =
        new SafetyRules(
            ChainFixture.CHAIN_ID,
            new ValidatorSigner(v.address(), v.bls().secretKey(), SignatureScheme.BLS),
            storage);
    return new RoundManager(
        ConsensusConfig.defaults(ChainFixture.CHAIN_ID, 100),
        rules,
        (e, r, p) -> Payload.EMPTY,
        e -> e == chain.epoch() ? Optional.of(chain.set()) : Optional.empty(),
        new InMemoryCommittedChain(chain.root()));
  }

  private int leaderOf(long round) {
    return chain.set().indexOf(new ProposerElection(chain.set()).leader(round)).getAsInt();
  }

  private void fireTimersUpTo(long t) {
    while (!env.timers.isEmpty() && env.timers.firstKey() <= t) {
      env.timers.pollFirstEntry().getValue().forEach(Runnable::run);
    }
  }

  @Test
  void theLeaderProposesTheBlockTheStateComputerBuiltFromItsDraft() {
    env.computer = new Scripted();
    ActionInterpreter interpreter =
        new ActionInterpreter(core(leaderOf(1), new InMemorySafetyStorage()), env.environment());

    interpreter.start();
    fireTimersUpTo(NOW + 1_000);

    assertThat(env.drafts).as("the draft went to build, not to plain execution").hasSize(1);
    Block draft = env.drafts.get(0);
    assertThat(env.sent)
        .filteredOn(ProposalMessage.class::isInstance)
        .map(m -> ((ProposalMessage) m).block())
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.header().parentHash()).isEqualTo(draft.header().parentHash());
              assertThat(RESULT.matches(b.header())).isTrue();
            });
  }

  @Test
  void aHaltStopsTheInterpreterForGood() {
    SafetyStorage full =
        new SafetyStorage() {
          @Override
          public SafetyData load() {
            return new InMemorySafetyStorage().load();
          }

          @Override
          public void save(SafetyData data) {
            throw new SafetyStorageException("No space left on device");
          }
        };
    ActionInterpreter interpreter = new ActionInterpreter(core(0, full), env.environment());

    interpreter.start();
    int seen = env.events;
    interpreter.handle(new Event.TimerFired(NOW + 60_000, dev.bulwark.consensus.round.TimerKind
        .ROUND_TIMEOUT, 1, 1));

    assertThat(env.halts).singleElement().asString().contains("No space left on device");
    assertThat(interpreter.stopped()).isTrue();
    assertThat(env.events).as("no later event reaches the core").isEqualTo(seen);
  }

  @Test
  void aCommitTheLedgerRefusesHaltsConsensus() {
    env.computer = new Scripted();
    int self = 0;
    while (self == leaderOf(1) || self == leaderOf(2) || self == leaderOf(3)) {
      self++;
    }
    ActionInterpreter interpreter =
        new ActionInterpreter(core(self, new InMemorySafetyStorage()), env.environment());
    interpreter.start();
    Block b1 = chain.child(chain.root(), chain.rootQc(), 1, leaderOf(1));
    Block b2 = chain.child(b1, chain.qc(b1), 2, leaderOf(2));
    Block b3 = chain.child(b2, chain.qc(b2), 3, leaderOf(3));
    for (Block b : List.of(b1, b2, b3)) {
      interpreter.handle(new Event.MessageReceived(NOW, PEER, proposal(b)));
    }

    assertThat(env.commits).as("qc(b2) in b3 commits b1").singleElement()
        .satisfies(c -> assertThat(c).containsExactly(b1));
    assertThat(env.halts).singleElement().asString()
        .startsWith("the ledger refused a commit: block 1 does not extend");
    assertThat(interpreter.stopped()).isTrue();
  }

  private ProposalMessage proposal(Block b) {
    int leader = leaderOf(b.header().round());
    return new ProposalMessage(
        b,
        chain.validators().get(leader).sign(
            new ProposalData(ChainFixture.CHAIN_ID, chain.epoch(), b.header().round(), b.hash())),
        Optional.empty());
  }
}
