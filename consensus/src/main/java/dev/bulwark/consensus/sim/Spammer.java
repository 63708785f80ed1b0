package dev.bulwark.consensus.sim;

import dev.bulwark.consensus.message.ConsensusMessage;
import dev.bulwark.consensus.message.SyncInfo;
import dev.bulwark.consensus.message.VoteMessage;
import dev.bulwark.ledger.chain.VoteData;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import java.util.List;
import java.util.Optional;

/**
 * Sends its messages, and with each a flood: duplicates to random nodes, random bytes, sync info
 * for epochs far ahead (filling future-epoch buffers) and votes from addresses that hold no seat.
 * Honest nodes must drop all of it, penalising this sender, and keep going.
 */
final class Spammer implements Behaviour {
  @Override
  public void send(Wire wire, ConsensusMessage message, List<Integer> targets) {
    targets.forEach(t -> wire.send(t, message, 0));
    int n = wire.nodeCount();
    for (int i = 0; i < 2; i++) {
      wire.send(wire.random().nextInt(n), message, wire.random().nextLong(300));
    }
    byte[] junk = new byte[1 + wire.random().nextInt(200)];
    wire.random().nextBytes(junk);
    wire.sendBytes(wire.random().nextInt(n), Bytes.of(junk));
    if (wire.validators() != null) {
      long farEpoch = wire.validators().epoch() + 5 + wire.random().nextInt(5);
      wire.send(
          wire.random().nextInt(n),
          new SyncInfo(farEpoch, Optional.empty(), Optional.empty(), Optional.empty()),
          0);
    }
    if (message instanceof VoteMessage v) {
      byte[] a = new byte[Address.SIZE];
      wire.random().nextBytes(a);
      VoteData d = v.vote();
      targets.forEach(t -> wire.send(t, new VoteMessage(d, Address.of(a), v.signature()), 0));
    }
  }
}
