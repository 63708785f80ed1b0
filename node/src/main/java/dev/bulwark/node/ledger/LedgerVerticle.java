package dev.bulwark.node.ledger;

import dev.bulwark.consensus.port.ExecutionOutcome;
import dev.bulwark.consensus.port.ExecutionResult;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.codec.DecodeException;
import dev.bulwark.ledger.execution.BlockTemplate;
import dev.bulwark.ledger.execution.BuiltBlock;
import dev.bulwark.ledger.execution.FeeMarket;
import dev.bulwark.ledger.execution.InvalidBlockException;
import dev.bulwark.ledger.mempool.Mempool;
import dev.bulwark.ledger.store.Ledger;
import dev.bulwark.ledger.store.UnknownParentException;
import dev.bulwark.ledger.tx.SignedTransaction;
import dev.bulwark.ledger.tx.TransactionCodec;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import dev.bulwark.node.bus.BusMessages;
import dev.bulwark.node.bus.BusMessages.CommitReply;
import dev.bulwark.node.bus.BusMessages.CommitRequest;
import dev.bulwark.node.bus.BusMessages.ExecuteReply;
import dev.bulwark.node.bus.BusMessages.ExecuteRequest;
import dev.bulwark.node.consensus.EvidencePool;
import dev.bulwark.node.status.NodeStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger worker: executes blocks for consensus, builds the leader's blocks, commits finalised
 * blocks (one synced LevelDB batch each time) and moves the mempool to each new head (gossiped
 * transactions are admitted by the p2p verticle's admission worker, not here). It is deployed
 * as a worker verticle, so LevelDB and execution never block an event loop, and its messages are
 * handled one at a time in arrival order, so commits apply in order.
 */
public final class LedgerVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(LedgerVerticle.class);

  private final Ledger ledger;
  private final Mempool mempool;
  private final EvidencePool evidence;
  private final NodeStatus status;
  private final Timer commitLatency;
  private final Counter committedBlocks;
  private final Counter committedTransactions;
  private final Runnable afterCommit;

  /**
   * The worker over {@code ledger}, feeding {@code mempool}, {@code evidence} and {@code status};
   * commit figures go to {@code metrics}.
   */
  public LedgerVerticle(Ledger ledger, Mempool mempool, EvidencePool evidence, NodeStatus status,
      MeterRegistry metrics) {
    this(ledger, mempool, evidence, status, metrics, () -> { });
  }

  /**
   * As above; {@code afterCommit} runs on this worker after each commit (one block or a catch-up
   * batch), once the committed blocks are readable (the RPC head feed).
   */
  public LedgerVerticle(Ledger ledger, Mempool mempool, EvidencePool evidence, NodeStatus status,
      MeterRegistry metrics, Runnable afterCommit) {
    this.afterCommit = afterCommit;
    this.ledger = ledger;
    this.mempool = mempool;
    this.evidence = evidence;
    this.status = status;
    this.commitLatency = Timer.builder("bulwark.commit.latency")
        .description("from a block's proposal timestamp to its commit on this node")
        .publishPercentiles(0.5, 0.99).register(metrics);
    this.committedBlocks = Counter.builder("bulwark.committed.blocks").register(metrics);
    this.committedTransactions = Counter.builder("bulwark.committed.transactions").register(metrics);
  }

  @Override
  public Future<?> start() {
    var bus = vertx.eventBus();
    bus.<ExecuteRequest>consumer(BusMessages.LEDGER_EXECUTE, m -> m.reply(execute(m.body())));
    bus.<CommitRequest>consumer(BusMessages.LEDGER_COMMIT, this::commit);
    return Future.succeededFuture();
  }

  private ExecuteReply execute(ExecuteRequest r) {
    Block block = r.block();
    long epochLength = ledger.params().epochLengthBlocks();
    if (EpochTail.isTail(block.header(), epochLength)) {
      return new ExecuteReply(EpochTail.execute(block, r.parent())
          .<ExecutionOutcome>map(ExecutionOutcome.Executed::new)
          .orElseGet(() -> new ExecutionOutcome.Invalid("a block after the epoch end carries content")),
          Optional.empty());
    }
    try {
      if (r.draft()) {
        BuiltBlock built = build(block);
        return new ExecuteReply(
            new ExecutionOutcome.Executed(toConsensus(built.block().header(), built.result())),
            Optional.of(built.block()));
      }
      return new ExecuteReply(
          new ExecutionOutcome.Executed(toConsensus(block.header(), ledger.execute(block))),
          Optional.empty());
    } catch (InvalidBlockException e) {
      LOG.debug("block {} is invalid: {}", block.header().number(), e.getMessage());
      return new ExecuteReply(new ExecutionOutcome.Invalid(e.getMessage()), Optional.empty());
    } catch (UnknownParentException e) {
      // this node lacks the parent's state (forgotten, or a branch it never ran): says nothing
      // about the block, so consensus retries rather than refusing it
      LOG.debug("cannot execute block {} now: {}", block.header().number(), e.getMessage());
      return new ExecuteReply(new ExecutionOutcome.Unavailable(e.getMessage()), Optional.empty());
    }
  }

  /** The leader's block: the draft's candidates, leaving out those invalid on the parent. */
  private BuiltBlock build(Block draft) {
    BlockHeader h = draft.header();
    List<SignedTransaction> candidates = new ArrayList<>(draft.transactions().size());
    for (Bytes raw : draft.transactions()) {
      try {
        candidates.add(TransactionCodec.decode(raw));
      } catch (DecodeException e) {
        LOG.debug("leaving an undecodable transaction out of the draft: {}", e.getMessage());
      }
    }
    BlockTemplate template = new BlockTemplate(h.timestampMillis(), h.proposer(), h.round(),
        h.skippedRounds(), h.parentQc().orElseThrow());
    BuiltBlock built = ledger.build(template, candidates, draft.evidence());
    draft.evidence().stream().filter(e -> !built.block().evidence().contains(e)).forEach(evidence::drop);
    return built;
  }

  private static ExecutionResult toConsensus(BlockHeader header,
      dev.bulwark.ledger.execution.ExecutionResult r) {
    return new ExecutionResult(r.stateRoot(), r.transactionsRoot(), r.receiptsRoot(),
        r.evidenceRoot(), header.gasLimit(), r.gasUsed(), header.baseFeePerGas());
  }

  private void commit(Message<CommitRequest> m) {
    CommitRequest c = m.body();
    List<Hash> included;
    try {
      included = ledger.commit(c.blocks(), c.proof(), c.proofPath());
    } catch (InvalidBlockException | RuntimeException e) {
      LOG.error("cannot commit blocks {}..{}: {}", c.blocks().get(0).header().number(),
          c.blocks().get(c.blocks().size() - 1).header().number(), e.toString());
      m.fail(1, e.toString());
      return;
    }
    BlockHeader head = ledger.head();
    long now = System.currentTimeMillis();
    for (Block b : c.blocks()) {
      commitLatency.record(Math.max(0, now - b.header().timestampMillis()), TimeUnit.MILLISECONDS);
      committedTransactions.increment(b.transactions().size());
    }
    committedBlocks.increment(c.blocks().size());
    mempool.onCommit(included, ledger.accountView(), FeeMarket.nextBaseFee(head, ledger.params()));
    evidence.committed(c.blocks());
    status.committed(head, now);
    afterCommit.run();
    Optional<dev.bulwark.ledger.chain.ValidatorSet> next = Optional.empty();
    if (head.number() % ledger.params().epochLengthBlocks() == 0) {
      next = ledger.validatorSet(head.epoch() + 1);
      if (next.isEmpty()) {
        LOG.error("block {} ends epoch {} but the ledger has no next validator set", head.number(),
            head.epoch());
      }
    }
    m.reply(new CommitReply(next));
  }
}
