package dev.bulwark.consensus.sim;

import dev.bulwark.consensus.message.ConsensusMessage;
import dev.bulwark.consensus.message.ProposalMessage;
import dev.bulwark.consensus.message.VoteMessage;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.ProposalData;
import java.util.ArrayList;
import java.util.List;

/**
 * A leader that proposes two different blocks for its round (same parent, timestamps 1 ms apart)
 * and sends each to half of the validators; sometimes one validator gets both. As a colluder it
 * also withholds its votes from leaders outside the coalition and gives the coalition both
 * proposals, splitting only the honest validators.
 */
final class Equivocator implements Behaviour {
  private final boolean colluding;

  Equivocator(boolean colluding) {
    this.colluding = colluding;
  }

  @Override
  public void send(Wire wire, ConsensusMessage message, List<Integer> targets) {
    if (message instanceof ProposalMessage p && p.author().equals(wire.address())) {
      equivocate(wire, p, targets);
    } else if (colluding && message instanceof VoteMessage) {
      targets.stream().filter(wire::isColluder).forEach(t -> wire.send(t, message, 0));
    } else {
      targets.forEach(t -> wire.send(t, message, 0));
    }
  }

  private void equivocate(Wire wire, ProposalMessage p, List<Integer> targets) {
    Block b = p.block();
    Block twin =
        new Block(
            b.header().toBuilder().timestampMillis(b.header().timestampMillis() + 1).build(),
            b.transactions(),
            b.evidence());
    ProposalMessage other =
        new ProposalMessage(
            twin,
            wire.sign(new ProposalData(wire.chainId(), p.epoch(), p.round(), twin.hash())),
            p.lastRoundTc());
    List<Integer> honest = new ArrayList<>();
    for (int t : targets) {
      if (colluding && wire.isColluder(t)) {
        wire.send(t, p, 0);
        wire.send(t, other, 0);
      } else {
        honest.add(t);
      }
    }
    for (int i = honest.size() - 1; i > 0; i--) { // seeded shuffle
      int j = wire.random().nextInt(i + 1);
      honest.set(i, honest.set(j, honest.get(i)));
    }
    for (int i = 0; i < honest.size(); i++) {
      wire.send(honest.get(i), i % 2 == 0 ? p : other, 0);
    }
    if (!colluding && !honest.isEmpty() && wire.random().nextBoolean()) {
      int t = honest.get(wire.random().nextInt(honest.size()));
      wire.send(t, p, 5);
      wire.send(t, other, 5);
    }
  }
}
