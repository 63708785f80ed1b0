package dev.bulwark.consensus.env;

import dev.bulwark.consensus.round.RoundManager;
import java.util.function.Consumer;

/**
 * Everything the {@link ActionInterpreter} drives: the node's adapters, or the simulation's
 * network, clock and stores. {@code afterEvent} sees the core after each event it handled, before
 * the event's actions are carried out (status figures, the p2p allow list).
 */
public record Environment(
    Transport transport,
    Timers timers,
    StateComputerPort state,
    EvidenceSink evidence,
    PeerPenalties penalties,
    HaltPort halt,
    Consumer<RoundManager> afterEvent) {
  public Environment {
    if (transport == null
        || timers == null
        || state == null
        || evidence == null
        || penalties == null
        || halt == null
        || afterEvent == null) {
      throw new IllegalArgumentException("every port of the consensus environment is needed");
    }
  }
}
