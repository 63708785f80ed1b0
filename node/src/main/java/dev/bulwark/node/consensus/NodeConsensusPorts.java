package dev.bulwark.node.consensus;

import dev.bulwark.consensus.env.EvidenceSink;
import dev.bulwark.consensus.env.HaltPort;
import dev.bulwark.consensus.env.PeerPenalties;
import dev.bulwark.consensus.env.StateComputerPort;
import dev.bulwark.consensus.env.Timers;
import dev.bulwark.consensus.env.Transport;
import dev.bulwark.consensus.message.ConsensusMessage;
import dev.bulwark.consensus.message.ConsensusMessageCodec;
import dev.bulwark.consensus.message.PeerId;
import dev.bulwark.consensus.port.DraftResult;
import dev.bulwark.consensus.port.ExecutionOutcome;
import dev.bulwark.consensus.round.PenaltyReason;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.chain.CommitProof;
import dev.bulwark.ledger.chain.Evidence;
import dev.bulwark.ledger.chain.EvidenceCodec;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.node.bus.BusMessages;
import dev.bulwark.node.bus.BusMessages.CommitReply;
import dev.bulwark.node.bus.BusMessages.CommitRequest;
import dev.bulwark.node.bus.BusMessages.ExecuteReply;
import dev.bulwark.node.bus.BusMessages.ExecuteRequest;
import dev.bulwark.node.bus.BusMessages.Outbound;
import dev.bulwark.node.network.PeerDirectory;
import dev.bulwark.node.network.WireTypes;
import dev.bulwark.p2p.scoring.Offence;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's side of the consensus environment: messages go to the p2p verticle, execution and
 * commits to the ledger worker (its replies complete on the consensus context, where the
 * interpreter runs), timers are Vert.x timers on that context, evidence goes to the pool and the
 * peers, penalties to p2p scoring, and a halt stops the node once the ledger has the commits
 * consensus counted as done.
 */
final class NodeConsensusPorts
    implements Transport, Timers, StateComputerPort, EvidenceSink, PeerPenalties, HaltPort {
  private static final Logger LOG = LoggerFactory.getLogger(NodeConsensusPorts.class);
  /** Execution of a large block on a loaded machine can take seconds; a missed reply is a bug. */
  private static final DeliveryOptions LEDGER_CALL = new DeliveryOptions().setSendTimeout(120_000);

  private final Vertx vertx;
  private final EventBus bus;
  private final PeerDirectory directory;
  private final EvidencePool evidence;
  private final Clock clock;
  private final Consumer<String> onFatal;
  private boolean halted;
  /** The last commit sent to the ledger (they apply in order): a halt waits for it. */
  private Future<?> lastCommit = Future.succeededFuture();

  NodeConsensusPorts(Vertx vertx, PeerDirectory directory, EvidencePool evidence, Clock clock,
      Consumer<String> onFatal) {
    this.vertx = vertx;
    this.bus = vertx.eventBus();
    this.directory = directory;
    this.evidence = evidence;
    this.clock = clock;
    this.onFatal = onFatal;
  }

  @Override
  public void sendTo(Address validator, ConsensusMessage message) {
    Optional<Bytes> key = directory.nodeKeyOf(validator);
    if (key.isPresent()) {
      bus.send(BusMessages.P2P_OUTBOUND, Outbound.to(key.get(), WireTypes.CONSENSUS, encode(message)));
    } else {
      LOG.warn("no node key known for validator {}", validator);
    }
  }

  @Override
  public void broadcast(ConsensusMessage message) {
    bus.send(BusMessages.P2P_OUTBOUND, Outbound.toAll(WireTypes.CONSENSUS, encode(message)));
  }

  @Override
  public void sendToPeer(PeerId peer, ConsensusMessage message) {
    bus.send(BusMessages.P2P_OUTBOUND,
        Outbound.to(PeerDirectory.nodeKey(peer), WireTypes.CONSENSUS, encode(message)));
  }

  @Override
  public long now() {
    return clock.millis();
  }

  @Override
  public void schedule(long atMillis, Runnable fire) {
    vertx.setTimer(Math.max(1, atMillis - now()), id -> fire.run());
  }

  @Override
  public void execute(Block block, BlockHeader parent, Consumer<ExecutionOutcome> done) {
    ask(block, parent, false, reply -> done.accept(reply.outcome()), done);
  }

  @Override
  public void build(Block draft, BlockHeader parent, Consumer<DraftResult> done) {
    ask(draft, parent, true, reply -> done.accept(new DraftResult(reply.outcome(), reply.built())),
        outcome -> done.accept(DraftResult.asIs(outcome)));
  }

  private void ask(Block block, BlockHeader parent, boolean draft, Consumer<ExecuteReply> answer,
      Consumer<ExecutionOutcome> unanswered) {
    bus.<ExecuteReply>request(BusMessages.LEDGER_EXECUTE, new ExecuteRequest(block, parent, draft),
            LEDGER_CALL)
        .onComplete(ar -> {
          if (ar.succeeded()) {
            answer.accept(ar.result().body());
            return;
          }
          // a timeout or an unanswered request is this node's slowness, not the block's fault
          LOG.warn("no execution result for block {}: {}", block.header().number(),
              ar.cause().toString());
          unanswered.accept(
              new ExecutionOutcome.Unavailable("the ledger did not answer: " + ar.cause()));
        });
  }

  @Override
  public void commit(List<Block> blocks, CommitProof proof, List<BlockHeader> proofPath,
      CommitCallback done) {
    lastCommit = bus.<CommitReply>request(BusMessages.LEDGER_COMMIT,
            new CommitRequest(blocks, proof, proofPath), LEDGER_CALL)
        .onSuccess(reply -> done.applied(reply.body().nextValidators()))
        .onFailure(e -> {
          if (halted) {
            LOG.error("the ledger refused a commit while consensus halts: {}", e.getMessage());
          } else {
            done.refused(e.getMessage());
          }
        });
  }

  @Override
  public void report(Evidence found) {
    if (evidence.add(found)) {
      bus.send(BusMessages.P2P_OUTBOUND,
          Outbound.toAll(WireTypes.EVIDENCE, Bytes.of(EvidenceCodec.encode(found))));
    }
  }

  @Override
  public void penalise(PeerId peer, PenaltyReason reason, String detail) {
    Optional<Offence> offence = ConsensusVerticle.offence(reason);
    if (offence.isPresent()) {
      bus.send(BusMessages.P2P_PENALTY,
          new BusMessages.Penalty(PeerDirectory.nodeKey(peer), offence.get(), detail));
    } else {
      LOG.debug("not penalising {} for {}: {}", peer, reason, detail);
    }
  }

  /**
   * Consensus stopped for good (its safety data cannot be made durable, or the ledger refused a
   * commit): the node stops once the ledger has the commits consensus already counted as done.
   */
  @Override
  public void halt(String reason) {
    if (halted) {
      return;
    }
    halted = true;
    LOG.error("consensus halted, stopping the node: {}", reason);
    lastCommit.onComplete(ar -> onFatal.accept(reason));
  }

  private static Bytes encode(ConsensusMessage message) {
    return Bytes.of(ConsensusMessageCodec.encode(message));
  }
}
