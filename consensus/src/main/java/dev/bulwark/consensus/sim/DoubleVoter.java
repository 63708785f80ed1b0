package dev.bulwark.consensus.sim;

import dev.bulwark.consensus.message.ConsensusMessage;
import dev.bulwark.consensus.message.VoteMessage;
import dev.bulwark.ledger.chain.VoteData;
import dev.bulwark.ledger.types.Hash;
import java.util.List;

/**
 * A validator that sends, with each of its votes, a second vote for the same round naming a block
 * that does not exist — a double vote the next leader must turn into evidence.
 */
final class DoubleVoter implements Behaviour {
  @Override
  public void send(Wire wire, ConsensusMessage message, List<Integer> targets) {
    if (!(message instanceof VoteMessage v) || !v.author().equals(wire.address())) {
      targets.forEach(t -> wire.send(t, message, 0));
      return;
    }
    byte[] fake = new byte[Hash.SIZE];
    wire.random().nextBytes(fake);
    VoteData d = v.vote();
    VoteData conflicting =
        new VoteData(
            d.chainId(), d.epoch(), d.round(), Hash.of(fake), d.parentId(), d.parentRound());
    VoteMessage second = new VoteMessage(conflicting, v.author(), wire.sign(conflicting));
    boolean firstFirst = wire.random().nextBoolean();
    for (int t : targets) {
      wire.send(t, firstFirst ? v : second, 0);
      wire.send(t, firstFirst ? second : v, 1);
    }
  }
}
