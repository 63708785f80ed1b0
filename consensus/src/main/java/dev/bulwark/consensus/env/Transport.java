package dev.bulwark.consensus.env;

import dev.bulwark.consensus.message.ConsensusMessage;
import dev.bulwark.consensus.message.PeerId;
import dev.bulwark.ledger.types.Address;

/** Where the core's messages go: the node's p2p layer, or the simulated network. */
public interface Transport {
  /** Sends {@code message} to every node holding validator {@code validator}'s key. */
  void sendTo(Address validator, ConsensusMessage message);

  /** Sends {@code message} to every other validator of the current epoch. */
  void broadcast(ConsensusMessage message);

  /** Sends {@code message} on one peer connection. */
  void sendToPeer(PeerId peer, ConsensusMessage message);
}
