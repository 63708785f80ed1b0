package dev.bulwark.node.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.consensus.liveness.ProposerElection;
import dev.bulwark.consensus.liveness.TimeoutPolicy;
import dev.bulwark.consensus.message.ProposalMessage;
import dev.bulwark.consensus.port.ExecutionOutcome;
import dev.bulwark.consensus.port.ExecutionResult;
import dev.bulwark.consensus.port.InMemoryCommittedChain;
import dev.bulwark.consensus.port.Payload;
import dev.bulwark.consensus.round.ConsensusConfig;
import dev.bulwark.consensus.round.RoundManager;
import dev.bulwark.consensus.safety.InMemorySafetyStorage;
import dev.bulwark.consensus.safety.SafetyRules;
import dev.bulwark.consensus.safety.ValidatorSigner;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.chain.ProposalData;
import dev.bulwark.ledger.chain.QuorumCertificate;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.crypto.bls.SignatureScheme;
import dev.bulwark.ledger.testkit.Await;
import dev.bulwark.ledger.testkit.TestValidators;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import dev.bulwark.node.bus.BusMessages;
import dev.bulwark.node.bus.BusMessages.ExecuteReply;
import dev.bulwark.node.bus.BusMessages.ExecuteRequest;
import dev.bulwark.node.network.PeerDirectory;
import dev.bulwark.node.status.NodeStatus;
import io.vertx.core.Vertx;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The consensus verticle over a ledger that does not answer the first execution request: a local
 * slowness, so the block is executed again and voted for, never treated as invalid.
 */
class ConsensusVerticleExecutionTest {
  private static final long CHAIN_ID = 7;
  private static final long T0 = 1_000_000;
  private static final ExecutionResult RESULT =
      new ExecutionResult(Hash.ZERO, Hash.ZERO, Hash.ZERO, Hash.ZERO, 0, 0, BigInteger.ZERO);

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  @Test
  void aBlockWhoseFirstExecutionGotNoAnswerIsExecutedAgainAndVotedFor() {
    TestValidators validators = TestValidators.create(4, 5);
    ValidatorSet set = validators.validatorSet(1);
    ProposerElection election = new ProposerElection(set);
    int leader = set.indexOf(election.leader(1)).getAsInt();
    int self = leader == 0 ? 1 : 0;
    Block root = new Block(BlockHeader.builder().number(0).timestampMillis(T0).build(), List.of(),
        List.of());
    QuorumCertificate rootQc = QuorumCertificate.genesis(CHAIN_ID, set, root.hash());
    Block b1 = new Block(BlockHeader.builder().parentQc(rootQc).number(1)
        .timestampMillis(T0 + 250).proposer(validators.get(leader).address()).epoch(1).round(1)
        .build(), List.of(), List.of());
    ProposalMessage proposal = new ProposalMessage(b1,
        validators.get(leader).sign(new ProposalData(CHAIN_ID, 1, 1, b1.hash())), Optional.empty());

    InMemorySafetyStorage storage = new InMemorySafetyStorage();
    // round timeouts far away: the only way to a vote is executing the block
    ConsensusConfig config = new ConsensusConfig(CHAIN_ID, 100, 0, 500,
        new TimeoutPolicy(600_000, 1.5, 600_000), 32, 50);
    RoundManager core = new RoundManager(config,
        new SafetyRules(CHAIN_ID, new ValidatorSigner(validators.get(self).address(),
            validators.get(self).bls().secretKey(), SignatureScheme.BLS), storage),
        (e, r, p) -> Payload.EMPTY, e -> e == 1 ? Optional.of(set) : Optional.empty(),
        new InMemoryCommittedChain(root));
    Map<Address, Bytes> keys = new LinkedHashMap<>();
    validators.validators().forEach(v -> keys.put(v.address(), v.nodePublicKey()));
    BusMessages.registerCodecs(vertx.eventBus());
    AtomicInteger requests = new AtomicInteger();
    vertx.eventBus().<ExecuteRequest>consumer(BusMessages.LEDGER_EXECUTE, m -> {
      if (requests.incrementAndGet() == 1) {
        m.fail(1, "no answer from a busy ledger");
      } else {
        m.reply(new ExecuteReply(new ExecutionOutcome.Executed(RESULT), Optional.empty()));
      }
    });
    ConsensusVerticle verticle = new ConsensusVerticle(core, new PeerDirectory(keys, Set.of()),
        new EvidencePool(), new NodeStatus(CHAIN_ID, "validator", root.header()),
        Clock.fixed(Instant.ofEpochMilli(T0 + 300), ZoneOffset.UTC), reason -> { });
    vertx.deployVerticle(verticle, ConsensusVerticle.deploymentOptions())
        .toCompletionStage().toCompletableFuture().join();

    vertx.eventBus().send(BusMessages.CONSENSUS_INBOUND,
        new BusMessages.Inbound(PeerDirectory.peerId(validators.get(leader).nodePublicKey()), proposal));

    Await.until("a vote for block 1", Duration.ofSeconds(20), storage::load,
        d -> d.lastVote().isPresent());
    assertThat(storage.load().lastVote().orElseThrow().vote().blockId()).isEqualTo(b1.hash());
    assertThat(requests.get()).isEqualTo(2);
  }
}
