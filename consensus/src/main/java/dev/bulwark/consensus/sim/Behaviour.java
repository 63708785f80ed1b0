package dev.bulwark.consensus.sim;

import dev.bulwark.consensus.message.ConsensusMessage;
import java.util.List;

/**
 * How a node puts its core's outgoing messages on the wire. Every node runs the honest core;
 * Byzantine behaviours change only what leaves it (drop, delay, duplicate, forge, equivocate),
 * signing conflicting messages with the node's own key where they need to.
 */
interface Behaviour {
  /** Sends {@code message}, which the core addressed to {@code targets}. */
  void send(Wire wire, ConsensusMessage message, List<Integer> targets);

  /** The behaviour of kind {@code kind}. */
  static Behaviour of(BehaviourKind kind) {
    return switch (kind) {
      case HONEST -> (wire, m, targets) -> targets.forEach(t -> wire.send(t, m, 0));
      case SILENT -> (wire, m, targets) -> {};
      case DELAYER ->
          (wire, m, targets) ->
              targets.forEach(t -> wire.send(t, m, 400 + wire.random().nextLong(2000)));
      case EQUIVOCATOR -> new Equivocator(false);
      case COLLUDER -> new Equivocator(true);
      case DOUBLE_VOTER -> new DoubleVoter();
      case FORGER -> new Forger();
      case SPAMMER -> new Spammer();
      case SYNC_LIAR -> new SyncLiar();
      case FLOODER -> new Flooder();
      case ACCOMPLICE -> (wire, m, targets) -> {};
    };
  }
}
