package dev.bulwark.consensus.sim;

import dev.bulwark.consensus.evidence.EquivocationDetector;
import dev.bulwark.consensus.message.ConsensusMessage;
import dev.bulwark.consensus.message.EpochMessage;
import dev.bulwark.consensus.message.ProposalMessage;
import dev.bulwark.consensus.message.SyncInfo;
import dev.bulwark.consensus.message.TimeoutMessage;
import dev.bulwark.consensus.message.VoteMessage;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.chain.ProposalData;
import dev.bulwark.ledger.chain.QuorumCertificate;
import dev.bulwark.ledger.chain.TimeoutData;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.chain.VoteData;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Hash;
import java.util.List;
import java.util.Optional;

/**
 * A validator that tries to blind the other validators' equivocation detectors before it
 * equivocates. At the start of each epoch, and a little with each of its votes, it floods them with
 * votes, proposals and timeouts in its own name for rounds far ahead — validly signed by itself,
 * and badly signed through its colluding peer (an {@link BehaviourKind#ACCOMPLICE}), which also
 * forges votes for the next few rounds — in its name, and in every other validator's name for
 * made-up blocks, so that they arrive before those validators' real votes (these must not crowd the
 * real votes out of the tallies). It then double-votes ({@link DoubleVoter}) and, as
 * leader, sends different proposals to different validators ({@link Equivocator}). Every
 * equivocation must still be reported.
 */
final class Flooder implements Behaviour {
  private static final long FAR = 1L << 40; // rounds no run ever reaches
  private static final int BURST = EquivocationDetector.MAX_ROUNDS_PER_SLOT + 8;
  private static final int TRICKLE = 2;
  private static final int FORGED_PER_VALIDATOR = 2;

  private final Equivocator leader = new Equivocator(false);
  private final DoubleVoter voter = new DoubleVoter();
  private long nextRound = FAR;
  private long floodedEpoch = -1;
  private QuorumCertificate lastQc;

  @Override
  public void send(Wire wire, ConsensusMessage message, List<Integer> targets) {
    if (message instanceof ProposalMessage p) {
      lastQc = p.parentQc();
    } else if (message instanceof TimeoutMessage t) {
      lastQc = t.highQc();
    } else if (message instanceof SyncInfo s && s.highestQc().isPresent()) {
      lastQc = s.highestQc().get();
    }
    if (message instanceof EpochMessage e && wire.validators() != null) {
      if (e.epoch() > floodedEpoch) {
        floodedEpoch = e.epoch();
        flood(wire, e, targets, BURST);
      } else if (message instanceof VoteMessage) {
        flood(wire, e, targets, TRICKLE);
      }
    }
    if (message instanceof ProposalMessage) {
      leader.send(wire, message, targets); // equivocates when it is its own proposal
    } else if (message instanceof VoteMessage) {
      voter.send(wire, message, targets); // double-votes when it is its own vote
    } else {
      targets.forEach(t -> wire.send(t, message, 0));
    }
  }

  private void flood(Wire wire, EpochMessage current, List<Integer> targets, int rounds) {
    long epoch = current.epoch();
    for (int i = 0; i < rounds; i++) {
      long round = nextRound++;
      VoteData vote = new VoteData(wire.chainId(), epoch, round, random(wire), random(wire), 0);
      VoteMessage signedVote = new VoteMessage(vote, wire.address(), wire.sign(vote));
      VoteMessage forgedVote = new VoteMessage(vote, wire.address(), wire.badSignature());
      VoteData soon =
          new VoteData(wire.chainId(), epoch, current.round() + 1 + i % 3, random(wire),
              random(wire), 0);
      VoteMessage forgedSoon = new VoteMessage(soon, wire.address(), wire.badSignature());
      for (int t : targets) {
        wire.send(t, signedVote, 0);
        wire.sendViaAccomplice(t, forgedVote);
        wire.sendViaAccomplice(t, forgedSoon);
      }
      forgeInOthersNames(wire, soon);
      if (lastQc != null && lastQc.epoch() == epoch) {
        floodTimeoutAndProposal(wire, epoch, round, targets);
      }
    }
  }

  /**
   * Sends every node {@link #FORGED_PER_VALIDATOR} badly signed votes per other validator for
   * made-up blocks of {@code soon}'s round: as many as a validator may have pending per round.
   */
  private static void forgeInOthersNames(Wire wire, VoteData soon) {
    ValidatorSet set = wire.validators();
    for (int v = 0; v < set.size(); v++) {
      Address author = set.get(v).address();
      if (author.equals(wire.address())) {
        continue;
      }
      for (int k = 0; k < FORGED_PER_VALIDATOR; k++) {
        VoteData madeUp =
            new VoteData(wire.chainId(), soon.epoch(), soon.round(), random(wire), random(wire), 0);
        VoteMessage forged = new VoteMessage(madeUp, author, wire.badSignature());
        for (int node = 0; node < wire.nodeCount(); node++) {
          if (node != wire.self()) {
            wire.sendViaAccomplice(node, forged);
          }
        }
      }
    }
  }

  private void floodTimeoutAndProposal(Wire wire, long epoch, long round, List<Integer> targets) {
    TimeoutData timeout = new TimeoutData(wire.chainId(), epoch, round, lastQc.round());
    TimeoutMessage signedTimeout =
        new TimeoutMessage(timeout, wire.address(), wire.sign(timeout), lastQc, Optional.empty());
    TimeoutMessage forgedTimeout =
        new TimeoutMessage(timeout, wire.address(), wire.badSignature(), lastQc, Optional.empty());
    BlockHeader h =
        BlockHeader.builder()
            .parentQc(lastQc)
            .number(1)
            .timestampMillis(Simulation.START_MILLIS)
            .proposer(wire.address())
            .epoch(epoch)
            .round(round)
            .build();
    Block b = new Block(h, List.of(), List.of());
    ProposalData data = new ProposalData(wire.chainId(), epoch, round, b.hash());
    ProposalMessage signedProposal = new ProposalMessage(b, wire.sign(data), Optional.empty());
    ProposalMessage forgedProposal =
        new ProposalMessage(b, wire.badSignature(), Optional.empty());
    for (int t : targets) {
      wire.send(t, signedTimeout, 0);
      wire.send(t, signedProposal, 0);
      wire.sendViaAccomplice(t, forgedTimeout);
      wire.sendViaAccomplice(t, forgedProposal);
    }
  }

  private static Hash random(Wire wire) {
    byte[] b = new byte[Hash.SIZE];
    wire.random().nextBytes(b);
    return Hash.of(b);
  }
}
