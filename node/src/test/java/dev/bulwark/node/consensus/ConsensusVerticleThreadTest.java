package dev.bulwark.node.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.consensus.port.InMemoryCommittedChain;
import dev.bulwark.consensus.port.Payload;
import dev.bulwark.consensus.round.ConsensusConfig;
import dev.bulwark.consensus.round.RoundManager;
import dev.bulwark.consensus.safety.InMemorySafetyStorage;
import dev.bulwark.consensus.safety.SafetyData;
import dev.bulwark.consensus.safety.SafetyRules;
import dev.bulwark.consensus.safety.SafetyStorage;
import dev.bulwark.consensus.safety.ValidatorSigner;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.crypto.bls.SignatureScheme;
import dev.bulwark.ledger.testkit.Await;
import dev.bulwark.ledger.testkit.TestValidators;
import dev.bulwark.ledger.testkit.TestValidators.TestValidator;
import dev.bulwark.node.bus.BusMessages;
import dev.bulwark.node.network.PeerDirectory;
import dev.bulwark.node.status.NodeStatus;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Where the consensus verticle, deployed as the node deploys it, runs its safety-data writes. */
class ConsensusVerticleThreadTest {
  private static final long CHAIN_ID = 7;

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  /** Records the thread of every save. */
  private static final class ThreadRecordingStorage implements SafetyStorage {
    final InMemorySafetyStorage disk = new InMemorySafetyStorage();
    final List<String> saves = new CopyOnWriteArrayList<>();

    @Override
    public SafetyData load() {
      return disk.load();
    }

    @Override
    public void save(SafetyData data) {
      saves.add((Context.isOnEventLoopThread() ? "event loop " : "")
          + Thread.currentThread().getName());
      disk.save(data);
    }
  }

  @Test
  void safetyDataIsWrittenOnTheConsensusWorkerThreadNeverOnAnEventLoop() {
    TestValidator v = TestValidators.create(1, 5).get(0);
    ValidatorSet set = TestValidators.create(1, 5).validatorSet(1);
    Block root = new Block(BlockHeader.builder().number(0).timestampMillis(1_000_000).build(),
        List.of(), List.of());
    ThreadRecordingStorage storage = new ThreadRecordingStorage();
    RoundManager core = new RoundManager(ConsensusConfig.defaults(CHAIN_ID, 100),
        new SafetyRules(CHAIN_ID,
            new ValidatorSigner(v.address(), v.bls().secretKey(), SignatureScheme.BLS), storage),
        (e, r, p) -> Payload.EMPTY, e -> e == 1 ? Optional.of(set) : Optional.empty(),
        new InMemoryCommittedChain(root));
    BusMessages.registerCodecs(vertx.eventBus());
    ConsensusVerticle verticle = new ConsensusVerticle(core,
        new PeerDirectory(Map.of(v.address(), v.nodePublicKey()), Set.of()), new EvidencePool(),
        new NodeStatus(CHAIN_ID, "validator", root.header()), Clock.systemUTC(), reason -> { });

    vertx.deployVerticle(verticle, ConsensusVerticle.deploymentOptions());

    // entering epoch 1 saves the reset safety data at once
    Await.until("a safety-data save", Duration.ofSeconds(20), () -> storage.saves,
        saves -> !saves.isEmpty());
    assertThat(storage.saves)
        .allSatisfy(t -> assertThat(t).startsWith(ConsensusVerticle.WORKER_POOL));
  }
}
