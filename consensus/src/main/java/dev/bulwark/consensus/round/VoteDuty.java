package dev.bulwark.consensus.round;

import dev.bulwark.consensus.aggregation.VoteOutcome;
import dev.bulwark.consensus.blocktree.ExecutionState;
import dev.bulwark.consensus.evidence.Observation;
import dev.bulwark.consensus.message.PeerId;
import dev.bulwark.consensus.message.ProposalMessage;
import dev.bulwark.consensus.message.VoteMessage;
import dev.bulwark.consensus.safety.SafetyRules;
import dev.bulwark.consensus.safety.UnsafeToSignException;
import dev.bulwark.ledger.chain.QuorumCertificate;
import dev.bulwark.ledger.types.Address;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Votes: this node's vote for the round's proposal once its block executed and matched its header
 * (sent to the next leader), and everyone's votes collected into QCs (the next leader does this;
 * any node does it for votes re-broadcast with timeouts).
 */
final class VoteDuty {
  private static final Logger LOG = LoggerFactory.getLogger(VoteDuty.class);

  private final RoundHost host;
  private final SafetyRules safety;
  private final ConsensusConfig config;
  private final Address self;

  VoteDuty(RoundHost host, SafetyRules safety, ConsensusConfig config) {
    this.host = host;
    this.safety = safety;
    this.config = config;
    this.self = safety.signer().address();
  }

  /** Votes for the accepted proposal of the round once its block is executed and valid. */
  void tryVote() {
    EpochState s = host.state();
    if (s.awaitingVote.isEmpty()) {
      return;
    }
    ProposalMessage p = s.awaitingVote.get();
    Optional<ExecutionState> exec = s.tree.executionState(p.block().hash());
    if (p.round() != s.pacemaker.round()
        || exec.isEmpty()
        || exec.get() == ExecutionState.INVALID) {
      s.awaitingVote = Optional.empty();
      return;
    }
    if (exec.get() != ExecutionState.EXECUTED) {
      return;
    }
    s.awaitingVote = Optional.empty();
    try {
      send(safety.vote(p.block(), p.lastRoundTc()));
    } catch (UnsafeToSignException e) {
      LOG.debug("{} does not vote in round {}: {}", self, p.round(), e.getMessage());
    }
  }

  /** Sends a vote to the leader of the next round (possibly this node). */
  void send(VoteMessage vote) {
    Address next = host.state().election.leader(vote.round() + 1);
    if (next.equals(self)) {
      host.deliverToSelf(vote);
    } else {
      host.emit(new Action.SendTo(next, vote));
    }
  }

  /** A vote from {@code from}: check for equivocation, collect it, act on a new QC. */
  void onVote(PeerId from, VoteMessage v) throws InvalidMessageException {
    EpochState s = host.state();
    int index = s.verifier.indexOf(v.author());
    if (v.vote().chainId() != config.chainId()) {
      throw new InvalidMessageException(
          PenaltyReason.BAD_SIGNATURE, "vote for chain " + v.vote().chainId());
    }
    long round = s.pacemaker.round();
    boolean collected = v.round() + 1 >= round && v.round() <= round + config.maxRoundsAhead();
    boolean verified = from.equals(PeerId.SELF);
    if (!collected && !verified) {
      // Only votes that may join a QC are verified lazily, in aggregate; any other is checked at
      // once, so a peer flooding forged votes is penalised and the detector never holds them.
      s.verifier.checkSignature(v.vote(), index, v.signature());
      verified = true;
    }
    Observation o = host.observe(v.vote(), v.author(), index, v.signature(), verified);
    if (o.badSignature()) {
      throw new InvalidMessageException(
          PenaltyReason.BAD_SIGNATURE, "vote signature of " + v.author() + " does not verify");
    }
    if (!collected) {
      return;
    }
    VoteOutcome result = s.votes.add(v, index, from);
    for (PeerId bad : result.badSenders()) {
      host.emit(
          new Action.PenalisePeer(
              bad, PenaltyReason.BAD_SIGNATURE, "vote signature does not verify"));
    }
    if (result.qc().isPresent()) {
      QuorumCertificate qc = result.qc().get();
      s.verifier.trust(qc);
      if (s.tree.contains(qc.blockId())) {
        host.processQc(qc);
      } else {
        s.awaitBlock(qc);
        host.fetchBlock(qc.blockId(), from);
      }
    }
  }
}
