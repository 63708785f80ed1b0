package dev.bulwark.node.ledger;

import dev.bulwark.consensus.env.LedgerStateComputer;
import dev.bulwark.consensus.port.CommitRefusedException;
import dev.bulwark.consensus.port.DraftResult;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.mempool.Mempool;
import dev.bulwark.ledger.store.Ledger;
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
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The ledger worker: runs consensus's {@link LedgerStateComputer} (executes blocks, builds the
 * leader's blocks, commits finalised blocks in one synced LevelDB batch each time, moves the
 * mempool to each new head) and keeps the commit figures (gossiped transactions are admitted by
 * the p2p verticle's admission worker, not here). It is deployed as a worker verticle, so LevelDB
 * and execution never block an event loop, and its messages are handled one at a time in arrival
 * order, so commits apply in order.
 */
public final class LedgerVerticle extends VerticleBase {
  private final Ledger ledger;
  private final LedgerStateComputer computer;
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
    this.computer = new LedgerStateComputer(ledger, mempool, evidence);
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
    if (r.draft()) {
      DraftResult built = computer.build(r.block(), r.parent());
      return new ExecuteReply(built.outcome(), built.built());
    }
    return new ExecuteReply(computer.execute(r.block(), r.parent()), Optional.empty());
  }

  private void commit(Message<CommitRequest> m) {
    CommitRequest c = m.body();
    Optional<ValidatorSet> next;
    try {
      next = computer.commit(c.blocks(), c.proof(), c.proofPath());
    } catch (CommitRefusedException e) {
      m.fail(1, e.getMessage());
      return;
    }
    BlockHeader head = ledger.head();
    long now = System.currentTimeMillis();
    for (Block b : c.blocks()) {
      commitLatency.record(Math.max(0, now - b.header().timestampMillis()), TimeUnit.MILLISECONDS);
      committedTransactions.increment(b.transactions().size());
    }
    committedBlocks.increment(c.blocks().size());
    status.committed(head, now);
    afterCommit.run();
    m.reply(new CommitReply(next));
  }
}
