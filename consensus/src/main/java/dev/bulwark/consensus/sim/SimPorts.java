package dev.bulwark.consensus.sim;

import dev.bulwark.consensus.env.Environment;
import dev.bulwark.consensus.env.EvidenceSink;
import dev.bulwark.consensus.env.HaltPort;
import dev.bulwark.consensus.env.PeerPenalties;
import dev.bulwark.consensus.env.StateComputerPort;
import dev.bulwark.consensus.env.Timers;
import dev.bulwark.consensus.env.Transport;
import dev.bulwark.consensus.message.ConsensusMessage;
import dev.bulwark.consensus.message.PeerId;
import dev.bulwark.consensus.message.ProposalMessage;
import dev.bulwark.consensus.message.TimeoutMessage;
import dev.bulwark.consensus.message.VoteMessage;
import dev.bulwark.consensus.port.CommitRefusedException;
import dev.bulwark.consensus.port.DraftResult;
import dev.bulwark.consensus.port.ExecutionOutcome;
import dev.bulwark.consensus.round.Action;
import dev.bulwark.consensus.round.PenaltyReason;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.chain.CommitProof;
import dev.bulwark.ledger.chain.Evidence;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.types.Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One simulated node's ports for the shared {@link dev.bulwark.consensus.env.ActionInterpreter}:
 * the simulated network (through the node's {@link Behaviour}), the virtual clock, the node's
 * {@link dev.bulwark.consensus.port.StateComputer} with simulated execution time and commit lag,
 * and the monitors that watch what leaves the node.
 */
final class SimPorts
    implements Transport, Timers, StateComputerPort, EvidenceSink, PeerPenalties, HaltPort {
  private final Simulation sim;
  private final SimNode node;
  private final int incarnation;

  SimPorts(Simulation sim, SimNode node) {
    this.sim = sim;
    this.node = node;
    this.incarnation = node.incarnation;
  }

  /** The environment of the node's current incarnation. */
  Environment environment() {
    return new Environment(this, this, this, this, this, this, core -> {});
  }

  // ------------------------------------------------------------------ transport

  @Override
  public void sendTo(Address validator, ConsensusMessage message) {
    List<Integer> targets = new ArrayList<>();
    for (SimNode m : sim.nodes()) {
      if (m.id != node.id && m.key.address().equals(validator)) {
        targets.add(m.id);
      }
    }
    send(message, targets);
  }

  @Override
  public void broadcast(ConsensusMessage message) {
    List<Integer> targets = new ArrayList<>();
    for (SimNode m : sim.nodes()) {
      if (m.id != node.id && node.core.validators().indexOf(m.key.address()).isPresent()) {
        targets.add(m.id);
      }
    }
    send(message, targets);
  }

  @Override
  public void sendToPeer(PeerId peer, ConsensusMessage message) {
    for (SimNode m : sim.nodes()) {
      if (m.peer.equals(peer)) {
        send(message, List.of(m.id));
      }
    }
  }

  private void send(ConsensusMessage message, List<Integer> targets) {
    long now = sim.now();
    if (node.honest) {
      SafetyMonitor safety = sim.safety();
      if (message instanceof VoteMessage v) {
        safety.onSigned(node.id, v.author(), v.vote(), now);
      } else if (message instanceof TimeoutMessage t) {
        safety.onSigned(node.id, t.author(), t.timeout(), now);
      } else if (message instanceof ProposalMessage p) {
        safety.onSigned(node.id, p.author(), p.proposalData(Simulation.CHAIN_ID), now);
      }
    }
    if (message instanceof ProposalMessage p) {
      sim.liveness().onProposal(p.block().header().number());
      sim.options().probe().proposed(node.id, p.block().hash(), now - Simulation.START_MILLIS);
    }
    node.behaviour.send(new NodeWire(sim, node), message, targets);
  }

  // ------------------------------------------------------------------ clock

  @Override
  public long now() {
    return node.clock(sim.now());
  }

  @Override
  public void schedule(long atMillis, Runnable fire) {
    long at = Math.max(sim.now(), atMillis - node.clockOffset);
    sim.schedule(at, new SimEvent.Local(node.id, incarnation, atMillis * 7 + node.id, fire));
  }

  private void later(long delay, Runnable run) {
    sim.schedule(sim.now() + delay, new SimEvent.Local(node.id, incarnation, delay, run));
  }

  // ------------------------------------------------------------------ ledger

  private long executionTime() {
    SimOptions o = sim.options();
    return sim.random().nextLong(o.minExecutionMillis(), o.maxExecutionMillis() + 1);
  }

  @Override
  public void execute(Block block, BlockHeader parent, Consumer<ExecutionOutcome> done) {
    ExecutionOutcome outcome = node.computer.execute(block, parent);
    later(executionTime(), () -> done.accept(outcome));
  }

  @Override
  public void build(Block draft, BlockHeader parent, Consumer<DraftResult> done) {
    DraftResult result = node.computer.build(draft, parent);
    later(executionTime(), () -> done.accept(result));
  }

  @Override
  public void commit(
      List<Block> blocks, CommitProof proof, List<BlockHeader> proofPath, CommitCallback done) {
    long lag = sim.plan().commitLag();
    if (lag > 0) { // the same lag for every commit keeps them in order; a crash loses them
      later(lag, () -> apply(blocks, proof, proofPath, done));
    } else {
      apply(blocks, proof, proofPath, done);
    }
  }

  private void apply(
      List<Block> blocks, CommitProof proof, List<BlockHeader> proofPath, CommitCallback done) {
    Action.CommitBlocks commit = new Action.CommitBlocks(blocks, proof, proofPath);
    sim.safety().onCommit(node.id, node.honest, commit, sim.now());
    Optional<ValidatorSet> next;
    try {
      next = node.computer.commit(blocks, proof, proofPath);
    } catch (CommitRefusedException e) {
      sim.safety().onBrokenChain(node.id, e.getMessage(), sim.now());
      done.refused(e.getMessage());
      return;
    }
    node.payloads.committed(blocks);
    sim.committed(node, blocks);
    if (next.isPresent()) {
      later(1 + sim.random().nextLong(3), () -> done.applied(next));
    }
  }

  // ------------------------------------------------------------------ evidence, peers, halt

  @Override
  public void report(Evidence evidence) {
    node.payloads.report(evidence);
    sim.reported(node, evidence);
  }

  @Override
  public void penalise(PeerId peer, PenaltyReason reason, String detail) {
    Optional<SimNode> from = sim.nodes().stream().filter(m -> m.peer.equals(peer)).findFirst();
    sim.safety()
        .onPenalty(node.id, from.map(m -> m.honest).orElse(false), reason, detail, sim.now());
  }

  @Override
  public void halt(String reason) {
    sim.halted(node, reason);
  }
}
