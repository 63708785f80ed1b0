package dev.bulwark.consensus.sim;

import dev.bulwark.consensus.message.ConsensusMessage;
import dev.bulwark.ledger.types.Bytes;

/** Something scheduled in the simulation's event queue. */
sealed interface SimEvent {
  /** The node that starts the run. */
  record Start(int node) implements SimEvent {}

  /** A message arrives at {@code to}. */
  record Deliver(int from, int to, ConsensusMessage message) implements SimEvent {}

  /** Raw bytes (spam) arrive at {@code to}. */
  record DeliverBytes(int from, int to, Bytes bytes) implements SimEvent {}

  /**
   * A result of one of the node's ports comes back (a timer, an execution, a commit made durable,
   * an epoch change): {@code run} feeds it to the node's interpreter, unless the node crashed or
   * restarted since. {@code tag} goes into the trace hash.
   */
  record Local(int node, int incarnation, long tag, Runnable run) implements SimEvent {}

  /** A node crashes. */
  record Crash(int node) implements SimEvent {}

  /** A crashed node restarts. */
  record Restart(int node, boolean wipeSafetyData) implements SimEvent {}

  /** Periodic monitor check; also marks partition changes. */
  record Tick() implements SimEvent {}
}
