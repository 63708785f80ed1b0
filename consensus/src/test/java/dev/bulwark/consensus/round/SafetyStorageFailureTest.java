package dev.bulwark.consensus.round;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.consensus.liveness.ProposerElection;
import dev.bulwark.consensus.message.PeerId;
import dev.bulwark.consensus.message.ProposalMessage;
import dev.bulwark.consensus.message.TimeoutMessage;
import dev.bulwark.consensus.port.ExecutionResult;
import dev.bulwark.consensus.port.InMemoryCommittedChain;
import dev.bulwark.consensus.port.Payload;
import dev.bulwark.consensus.safety.InMemorySafetyStorage;
import dev.bulwark.consensus.safety.SafetyData;
import dev.bulwark.consensus.safety.SafetyRules;
import dev.bulwark.consensus.safety.SafetyStorage;
import dev.bulwark.consensus.safety.SafetyStorageException;
import dev.bulwark.consensus.safety.ValidatorSigner;
import dev.bulwark.consensus.testing.ChainFixture;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.ProposalData;
import dev.bulwark.ledger.chain.QuorumCertificate;
import dev.bulwark.ledger.chain.TimeoutData;
import dev.bulwark.ledger.crypto.bls.SignatureScheme;
import dev.bulwark.ledger.testkit.TestValidators.TestValidator;
import dev.bulwark.ledger.types.Hash;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A safety-data write that fails (disk full, I/O error) halts the core for good: nothing it signed
 * in that event leaves, the commit the same event decided still reaches the environment, and every
 * later event is ignored.
 */
class SafetyStorageFailureTest {
  private static final long NOW = 1_001_000;
  private static final PeerId PEER = new PeerId("peer-1");
  private static final ExecutionResult RESULT =
      new ExecutionResult(Hash.ZERO, Hash.ZERO, Hash.ZERO, Hash.ZERO, 0, 0, BigInteger.ZERO);

  private final ChainFixture chain = new ChainFixture(4, 71, 1);
  private final FailingStorage storage = new FailingStorage();
  private final ConsensusConfig config = ConsensusConfig.defaults(ChainFixture.CHAIN_ID, 100);

  /** Storage that refuses every save once {@link #fail} is set, as a full disk would. */
  private static final class FailingStorage implements SafetyStorage {
    final InMemorySafetyStorage disk = new InMemorySafetyStorage();
    boolean fail;

    @Override
    public SafetyData load() {
      return disk.load();
    }

    @Override
    public void save(SafetyData data) {
      if (fail) {
        throw new SafetyStorageException(
            "cannot make safety data durable in /data/safety",
            new IOException("No space left on device"));
      }
      disk.save(data);
    }
  }

  private RoundManager node(int index) {
    TestValidator v = chain.validators().get(index);
    SafetyRules rules =
        new SafetyRules(
            ChainFixture.CHAIN_ID,
            new ValidatorSigner(v.address(), v.bls().secretKey(), SignatureScheme.BLS),
            storage);
    return new RoundManager(
        config,
        rules,
        (e, r, p) -> Payload.EMPTY,
        e -> e == chain.epoch() ? Optional.of(chain.set()) : Optional.empty(),
        new InMemoryCommittedChain(chain.root()));
  }

  private int leaderOf(long round) {
    return chain.set().indexOf(new ProposerElection(chain.set()).leader(round)).getAsInt();
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

  private TimeoutMessage timeout(int author, long round, QuorumCertificate highQc) {
    TimeoutData data = new TimeoutData(ChainFixture.CHAIN_ID, chain.epoch(), round, highQc.round());
    TestValidator v = chain.validators().get(author);
    return new TimeoutMessage(data, v.address(), v.sign(data), highQc, Optional.empty());
  }

  private static <T extends Action> List<T> actions(List<Action> all, Class<T> type) {
    return all.stream().filter(type::isInstance).map(type::cast).toList();
  }

  @Test
  void aFailedWriteHaltsTheCoreKeepsTheCommitItDecidedAndSendsNothingSigned() {
    int self = 0;
    while (self == leaderOf(1) || self == leaderOf(2)) {
      self++;
    }
    int[] others = new int[3];
    for (int i = 0, k = 0; i < 4; i++) {
      if (i != self) {
        others[k++] = i;
      }
    }
    Block b1 = chain.child(chain.root(), chain.rootQc(), 1, leaderOf(1));
    Block b2 = chain.child(b1, chain.qc(b1), 2, leaderOf(2));
    RoundManager n = node(self);
    n.handle(new Event.Start(NOW));
    n.handle(new Event.MessageReceived(NOW, PEER, proposal(b1)));
    n.handle(new Event.BlockExecuted(NOW, b1.hash(), Optional.of(RESULT)));
    n.handle(new Event.MessageReceived(NOW, PEER, proposal(b2)));
    n.handle(new Event.BlockExecuted(NOW, b2.hash(), Optional.of(RESULT)));
    assertThat(storage.load().lastVotedRound()).isEqualTo(2);
    assertThat(n.round()).isEqualTo(2);
    n.handle(new Event.MessageReceived(NOW, PEER, timeout(others[0], 3, chain.qc(b1))));
    SafetyData before = storage.load();
    storage.fail = true;

    // qc(b2) commits b1 and moves to round 3; the second timeout of round 3 reaches f + 1, so the
    // node joins the timeout and must sign, which needs a write the disk refuses.
    List<Action> out =
        n.handle(new Event.MessageReceived(NOW, PEER, timeout(others[1], 3, chain.qc(b2))));

    assertThat(actions(out, Action.Halt.class))
        .singleElement()
        .satisfies(h -> assertThat(h.reason()).contains("No space left on device"));
    assertThat(n.halted()).isPresent();
    assertThat(actions(out, Action.CommitBlocks.class))
        .as("the commit the block tree applied reaches the ledger")
        .singleElement()
        .satisfies(c -> assertThat(c.blocks()).containsExactly(b1));
    assertThat(n.committedRoot()).contains(b1);
    assertThat(out.indexOf(actions(out, Action.CommitBlocks.class).get(0)))
        .isLessThan(out.indexOf(actions(out, Action.Halt.class).get(0)));
    assertThat(out)
        .as("nothing leaves for peers, nothing more is started")
        .allMatch(a -> a instanceof Action.CommitBlocks || a instanceof Action.Halt);
    assertThat(storage.load()).isEqualTo(before);

    assertThat(n.handle(new Event.TimerFired(NOW + 60_000, TimerKind.ROUND_TIMEOUT, 1, 3)))
        .as("a halted core ignores every later event")
        .isEmpty();
    assertThat(
            n.handle(new Event.MessageReceived(NOW, PEER, timeout(others[2], 3, chain.qc(b2)))))
        .isEmpty();
  }

  @Test
  void aFailedWriteAtStartHalts() {
    storage.fail = true;
    RoundManager n = node(0);

    List<Action> out = n.handle(new Event.Start(NOW));

    assertThat(out).singleElement().isInstanceOf(Action.Halt.class);
  }
}
