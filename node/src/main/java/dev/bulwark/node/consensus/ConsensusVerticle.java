package dev.bulwark.node.consensus;

import dev.bulwark.consensus.message.ConsensusMessage;
import dev.bulwark.consensus.message.ConsensusMessageCodec;
import dev.bulwark.consensus.message.ProposalMessage;
import dev.bulwark.consensus.port.ExecutionOutcome;
import dev.bulwark.consensus.round.Action;
import dev.bulwark.consensus.round.Event;
import dev.bulwark.consensus.round.PenaltyReason;
import dev.bulwark.consensus.round.RoundManager;
import dev.bulwark.ledger.chain.EvidenceCodec;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.node.bus.BusMessages;
import dev.bulwark.node.bus.BusMessages.CommitReply;
import dev.bulwark.node.bus.BusMessages.CommitRequest;
import dev.bulwark.node.bus.BusMessages.ExecuteReply;
import dev.bulwark.node.bus.BusMessages.ExecuteRequest;
import dev.bulwark.node.bus.BusMessages.Inbound;
import dev.bulwark.node.bus.BusMessages.Outbound;
import dev.bulwark.node.network.PeerDirectory;
import dev.bulwark.node.network.WireTypes;
import dev.bulwark.node.status.NodeStatus;
import dev.bulwark.p2p.scoring.Offence;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hosts the consensus state machine on one context: every input (peer messages, timer expiries,
 * execution results, commits applied) becomes an {@link Event} handled there, and every {@link
 * Action} is carried out by sending to the other verticles. Timers only post events back to this
 * context. It runs on a single-thread worker pool of its own ({@link #deploymentOptions}).
 */
public final class ConsensusVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(ConsensusVerticle.class);
  /** Execution of a large block on a loaded machine can take seconds; a missed reply is a bug. */
  private static final DeliveryOptions LEDGER_CALL = new DeliveryOptions().setSendTimeout(120_000);

  /** The name of the consensus worker pool (and prefix of its thread's name). */
  public static final String WORKER_POOL = "bulwark-consensus";

  private final RoundManager core;
  private final PeerDirectory directory;
  private final EvidencePool evidence;
  private final NodeStatus status;
  private final Clock clock;
  private final Consumer<String> onFatal;
  private EventBus bus;
  private ValidatorSet announcedSet;
  private boolean stopped;
  private boolean halted;
  /** The last commit sent to the ledger (they apply in order): a halt waits for it. */
  private Future<?> lastCommit = Future.succeededFuture();

  /**
   * Runs {@code core}; resolves validators through {@code directory}, keeps found evidence in
   * {@code evidence}, reports to {@code status}; {@code onFatal} stops the node, with the reason,
   * when consensus halts (its safety data cannot be made durable) or the ledger refuses a commit
   * (continuing would let it diverge from its own consensus).
   */
  public ConsensusVerticle(RoundManager core, PeerDirectory directory, EvidencePool evidence,
      NodeStatus status, Clock clock, Consumer<String> onFatal) {
    this.core = core;
    this.directory = directory;
    this.evidence = evidence;
    this.status = status;
    this.clock = clock;
    this.onFatal = onFatal;
  }

  /**
   * How the node deploys it: its safety-data writes fsync a file and a directory before every vote
   * and timeout leaves, so it runs on a worker pool of its own, off the event loops p2p and HTTP
   * share; one thread keeps the core single-threaded (events handled in order, one at a time).
   */
  public static DeploymentOptions deploymentOptions() {
    return new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER)
        .setWorkerPoolName(WORKER_POOL).setWorkerPoolSize(1);
  }

  @Override
  public Future<?> start() {
    bus = vertx.eventBus();
    bus.<Inbound>consumer(BusMessages.CONSENSUS_INBOUND, m -> onInbound(m.body()));
    handle(new Event.Start(now()));
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    stopped = true;
    return Future.succeededFuture();
  }

  private long now() {
    return clock.millis();
  }

  private void onInbound(Inbound in) {
    if (in.message() instanceof ProposalMessage p) {
      status.seen(p.block().header().number());
      status.peerSeen(PeerDirectory.nodeKey(in.from()), p.block().header().number());
    }
    handle(new Event.MessageReceived(now(), in.from(), in.message()));
  }

  private void handle(Event event) {
    if (stopped) {
      return;
    }
    List<Action> actions = core.handle(event);
    status.consensus(core.epoch(), core.round());
    status.consensusDetail(new NodeStatus.ConsensusDetail(
        core.highestQc().map(qc -> qc.round()).orElse(0L), core.leader(),
        core.consecutiveTimeouts()));
    announceValidators();
    for (Action a : actions) {
      act(a);
    }
  }

  /** Tells the p2p layer the set of the epoch consensus is now in (allow list, prechecks). */
  private void announceValidators() {
    ValidatorSet set = core.validators();
    if (set != null && set != announcedSet) {
      announcedSet = set;
      directory.enter(set);
      bus.send(BusMessages.P2P_VALIDATORS, new BusMessages.ValidatorsChanged(set));
    }
  }

  private void act(Action a) {
    if (a instanceof Action.SendTo s) {
      Optional<Bytes> key = directory.nodeKeyOf(s.validator());
      if (key.isPresent()) {
        bus.send(BusMessages.P2P_OUTBOUND, Outbound.to(key.get(), WireTypes.CONSENSUS, encode(s.message())));
      } else {
        LOG.warn("no node key known for validator {}", s.validator());
      }
    } else if (a instanceof Action.Broadcast b) {
      bus.send(BusMessages.P2P_OUTBOUND, Outbound.toAll(WireTypes.CONSENSUS, encode(b.message())));
    } else if (a instanceof Action.SendToPeer p) {
      bus.send(BusMessages.P2P_OUTBOUND,
          Outbound.to(PeerDirectory.nodeKey(p.peer()), WireTypes.CONSENSUS, encode(p.message())));
    } else if (a instanceof Action.ExecuteBlock x) {
      execute(x);
    } else if (a instanceof Action.CommitBlocks c) {
      commit(c);
    } else if (a instanceof Action.SetTimer t) {
      vertx.setTimer(Math.max(1, t.atMillis() - now()),
          id -> handle(new Event.TimerFired(now(), t.kind(), t.epoch(), t.round())));
    } else if (a instanceof Action.ReportEvidence r) {
      if (evidence.add(r.evidence())) {
        bus.send(BusMessages.P2P_OUTBOUND,
            Outbound.toAll(WireTypes.EVIDENCE, Bytes.of(EvidenceCodec.encode(r.evidence()))));
      }
    } else if (a instanceof Action.Halt h) {
      halt(h.reason());
    } else if (a instanceof Action.PenalisePeer p) {
      Optional<Offence> offence = offence(p.reason());
      if (offence.isPresent()) {
        bus.send(BusMessages.P2P_PENALTY,
            new BusMessages.Penalty(PeerDirectory.nodeKey(p.peer()), offence.get(), p.detail()));
      } else {
        LOG.debug("not penalising {} for {}: {}", p.peer(), p.reason(), p.detail());
      }
    }
  }

  private void execute(Action.ExecuteBlock x) {
    bus.<ExecuteReply>request(BusMessages.LEDGER_EXECUTE,
            new ExecuteRequest(x.block(), x.parent(), x.draft()), LEDGER_CALL)
        .onComplete(ar -> {
          if (ar.failed()) {
            // a timeout or an unanswered request is this node's slowness, not the block's fault
            LOG.warn("no execution result for block {}: {}", x.block().header().number(),
                ar.cause().toString());
            handle(new Event.BlockExecuted(now(), x.block().hash(),
                new ExecutionOutcome.Unavailable("the ledger did not answer: " + ar.cause())));
            return;
          }
          ExecuteReply reply = ar.result().body();
          if (x.draft() && reply.built().isPresent()) {
            handle(new Event.DraftBuilt(now(), x.block().hash(), reply.built()));
          } else {
            handle(new Event.BlockExecuted(now(), x.block().hash(), reply.outcome()));
          }
        });
  }

  private void commit(Action.CommitBlocks c) {
    lastCommit = bus.<CommitReply>request(BusMessages.LEDGER_COMMIT,
            new CommitRequest(c.blocks(), c.proof(), c.proofPath()), LEDGER_CALL)
        .onSuccess(reply -> reply.body().nextValidators()
            .ifPresent(set -> handle(new Event.EpochChange(now(), set))))
        .onFailure(e -> {
          if (halted) {
            LOG.error("the ledger refused a commit while consensus halts: {}", e.getMessage());
            return;
          }
          LOG.error("the ledger refused a commit consensus decided; stopping the node: {}", e.getMessage());
          stopped = true;
          onFatal.accept("the ledger refused a commit: " + e.getMessage());
        });
  }

  /**
   * Consensus stopped for good (its safety data cannot be made durable): nothing more is handled
   * or sent; the node stops once the ledger has the commits consensus already counted as done.
   */
  private void halt(String reason) {
    LOG.error("consensus halted, stopping the node: {}", reason);
    stopped = true;
    halted = true;
    lastCommit.onComplete(ar -> onFatal.accept(reason));
  }

  private static Bytes encode(ConsensusMessage message) {
    return Bytes.of(ConsensusMessageCodec.encode(message));
  }

  /**
   * The p2p offence for a consensus penalty. Honest peers trigger some reasons in normal operation
   * (a lagging node's future-epoch buffer overflows with its peers' current messages; a response
   * arrives after its request was retried; clocks drift): those cost nothing, or a catching-up
   * node would ban every peer it needs.
   */
  static Optional<Offence> offence(PenaltyReason reason) {
    return switch (reason) {
      case BAD_SIGNATURE, INVALID_CERTIFICATE -> Optional.of(Offence.INVALID_SIGNATURE);
      case MALFORMED, NOT_A_VALIDATOR, WRONG_LEADER, INVALID_BLOCK -> Optional.of(Offence.DECODE_FAILURE);
      case WRONG_EPOCH, UNREQUESTED, TOO_FAR_IN_FUTURE -> Optional.empty();
    };
  }
}
