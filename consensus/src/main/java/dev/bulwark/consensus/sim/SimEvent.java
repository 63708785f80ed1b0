package dev.bulwark.consensus.sim;

import dev.bulwark.consensus.message.ConsensusMessage;
import dev.bulwark.consensus.port.ExecutionOutcome;
import dev.bulwark.consensus.round.Action;
import dev.bulwark.consensus.round.TimerKind;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;

/** Something scheduled in the simulation's event queue. */
sealed interface SimEvent {
  /** The node that starts the run. */
  record Start(int node) implements SimEvent {}

  /** A message arrives at {@code to}. */
  record Deliver(int from, int to, ConsensusMessage message) implements SimEvent {}

  /** Raw bytes (spam) arrive at {@code to}. */
  record DeliverBytes(int from, int to, Bytes bytes) implements SimEvent {}

  /** A node's timer fires (if the node has not restarted since it was set). */
  record Timer(int node, int incarnation, TimerKind kind, long epoch, long round)
      implements SimEvent {}

  /** Execution of a block finished. */
  record Executed(int node, int incarnation, Hash blockId, ExecutionOutcome outcome)
      implements SimEvent {}

  /** The ledger applied an epoch-ending block at {@code node}. */
  record EpochChange(int node, int incarnation, ValidatorSet next) implements SimEvent {}

  /** The node's ledger made a decided commit durable (when the plan has a commit lag). */
  record Durable(int node, int incarnation, Action.CommitBlocks commit) implements SimEvent {}

  /** A node crashes. */
  record Crash(int node) implements SimEvent {}

  /** A crashed node restarts. */
  record Restart(int node, boolean wipeSafetyData) implements SimEvent {}

  /** Periodic monitor check; also marks partition changes. */
  record Tick() implements SimEvent {}
}
