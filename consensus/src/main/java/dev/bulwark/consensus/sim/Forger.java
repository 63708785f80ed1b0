package dev.bulwark.consensus.sim;

import dev.bulwark.consensus.message.ConsensusMessage;
import dev.bulwark.consensus.message.ProposalMessage;
import dev.bulwark.consensus.message.TimeoutMessage;
import dev.bulwark.consensus.message.VoteMessage;
import dev.bulwark.ledger.chain.ValidatorSet;
import java.util.List;

/**
 * Sends its messages with bad signatures, and each vote a second time in the name of another
 * validator (also badly signed). Honest nodes must drop them all, penalise this sender and never
 * accuse the validator whose name was used.
 */
final class Forger implements Behaviour {
  @Override
  public void send(Wire wire, ConsensusMessage message, List<Integer> targets) {
    ConsensusMessage forged = forge(wire, message);
    targets.forEach(t -> wire.send(t, forged, 0));
    if (message instanceof VoteMessage v && wire.validators() != null) {
      ValidatorSet set = wire.validators();
      VoteMessage impersonated =
          new VoteMessage(
              v.vote(), set.get(wire.random().nextInt(set.size())).address(), wire.badSignature());
      targets.forEach(t -> wire.send(t, impersonated, 0));
    }
  }

  private static ConsensusMessage forge(Wire wire, ConsensusMessage m) {
    if (m instanceof ProposalMessage p) {
      return new ProposalMessage(p.block(), wire.badSignature(), p.lastRoundTc());
    } else if (m instanceof VoteMessage v) {
      return new VoteMessage(v.vote(), v.author(), wire.badSignature());
    } else if (m instanceof TimeoutMessage t) {
      return new TimeoutMessage(
          t.timeout(), t.author(), wire.badSignature(), t.highQc(), t.lastRoundTc());
    }
    return m;
  }
}
