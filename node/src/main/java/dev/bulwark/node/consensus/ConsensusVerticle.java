package dev.bulwark.node.consensus;

import dev.bulwark.consensus.env.ActionInterpreter;
import dev.bulwark.consensus.env.Environment;
import dev.bulwark.consensus.message.ProposalMessage;
import dev.bulwark.consensus.round.Event;
import dev.bulwark.consensus.round.PenaltyReason;
import dev.bulwark.consensus.round.RoundManager;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.node.bus.BusMessages;
import dev.bulwark.node.bus.BusMessages.Inbound;
import dev.bulwark.node.network.PeerDirectory;
import dev.bulwark.node.status.NodeStatus;
import dev.bulwark.p2p.scoring.Offence;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.VerticleBase;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Hosts the consensus state machine on one context: every input (peer messages, timer expiries,
 * execution results, commits applied) becomes an {@link Event} that the shared {@link
 * ActionInterpreter} hands to the core there, and carries out the core's actions through the
 * node's ports ({@link NodeConsensusPorts}). Timers only post events back to this context. It runs
 * on a single-thread worker pool of its own ({@link #deploymentOptions}).
 */
public final class ConsensusVerticle extends VerticleBase {
  /** The name of the consensus worker pool (and prefix of its thread's name). */
  public static final String WORKER_POOL = "bulwark-consensus";

  private final RoundManager core;
  private final PeerDirectory directory;
  private final EvidencePool evidence;
  private final NodeStatus status;
  private final Clock clock;
  private final Consumer<String> onFatal;
  private ActionInterpreter interpreter;
  private ValidatorSet announcedSet;

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
    NodeConsensusPorts ports = new NodeConsensusPorts(vertx, directory, evidence, clock, onFatal);
    interpreter = new ActionInterpreter(core,
        new Environment(ports, ports, ports, ports, ports, ports, this::afterEvent));
    vertx.eventBus().<Inbound>consumer(BusMessages.CONSENSUS_INBOUND, m -> onInbound(m.body()));
    interpreter.start();
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    interpreter.stop();
    return Future.succeededFuture();
  }

  private void onInbound(Inbound in) {
    if (in.message() instanceof ProposalMessage p) {
      status.seen(p.block().header().number());
      status.peerSeen(PeerDirectory.nodeKey(in.from()), p.block().header().number());
    }
    interpreter.handle(new Event.MessageReceived(clock.millis(), in.from(), in.message()));
  }

  /** After each event: the status figures, and the p2p layer learns a new epoch's set. */
  private void afterEvent(RoundManager handled) {
    status.consensus(handled.epoch(), handled.round());
    status.consensusDetail(new NodeStatus.ConsensusDetail(
        handled.highestQc().map(qc -> qc.round()).orElse(0L), handled.leader(),
        handled.consecutiveTimeouts()));
    ValidatorSet set = handled.validators();
    if (set != null && set != announcedSet) {
      announcedSet = set;
      directory.enter(set);
      vertx.eventBus().send(BusMessages.P2P_VALIDATORS, new BusMessages.ValidatorsChanged(set));
    }
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
