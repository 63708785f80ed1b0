package dev.bulwark.consensus.round;

import dev.bulwark.consensus.aggregation.PendingTimeouts;
import dev.bulwark.consensus.aggregation.PendingVotes;
import dev.bulwark.consensus.blocktree.BlockTree;
import dev.bulwark.consensus.liveness.Pacemaker;
import dev.bulwark.consensus.liveness.ProposerElection;
import dev.bulwark.consensus.message.PeerId;
import dev.bulwark.consensus.message.ProposalMessage;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.QuorumCertificate;
import dev.bulwark.ledger.chain.TimeoutCertificate;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.crypto.bls.SignatureScheme;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Hash;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/** Everything the round manager keeps for the current epoch; replaced at each epoch change. */
final class EpochState {
  /** Proposals and QCs kept while the blocks they build on are fetched. */
  static final int MAX_PENDING = 16;

  final long epoch;
  final ValidatorSet validators;
  final ProposerElection election;
  final MessageVerifier verifier;
  BlockTree tree;
  final Pacemaker pacemaker;
  final PendingVotes votes;
  final PendingTimeouts timeouts;
  final OptionalInt selfIndex;
  Optional<TimeoutCertificate> highestTc = Optional.empty();

  /** QCs whose blocks are being fetched, by block id. */
  final Map<Hash, QuorumCertificate> qcsAwaitingBlocks = new LinkedHashMap<>();

  /** Proposals for rounds this node has not reached yet, or whose parent is being fetched. */
  final TreeMap<Long, Pending> pendingProposals = new TreeMap<>();

  /** The current round's accepted proposal, waiting for its execution before the vote. */
  Optional<ProposalMessage> awaitingVote = Optional.empty();

  /** The leader's proposal in progress. */
  Optional<Draft> draft = Optional.empty();

  /** The round the leader last started proposing in (proposals are made once per round). */
  long proposingRound;

  /** Peers sent sync info, with the round it was sent in (to answer each lagging peer once). */
  final Map<PeerId, Long> syncReplies = new TreeMap<>();

  record Pending(PeerId from, ProposalMessage proposal) {}

  /** A leader's block being executed before it is signed. */
  record Draft(long round, Block block, Optional<TimeoutCertificate> tc) {}

  EpochState(
      ValidatorSet validators,
      ProposerElection election,
      MessageVerifier verifier,
      BlockTree tree,
      Pacemaker pacemaker,
      PendingVotes votes,
      PendingTimeouts timeouts,
      OptionalInt selfIndex) {
    this.epoch = validators.epoch();
    this.validators = validators;
    this.election = election;
    this.verifier = verifier;
    this.tree = tree;
    this.pacemaker = pacemaker;
    this.votes = votes;
    this.timeouts = timeouts;
    this.selfIndex = selfIndex;
  }

  /** The state of a fresh epoch of {@code set}, whose tree starts at {@code tree}'s root. */
  static EpochState start(
      ConsensusConfig config,
      ValidatorSet set,
      SignatureScheme scheme,
      Address self,
      BlockTree tree,
      Hash epochRoot) {
    return new EpochState(
        set,
        new ProposerElection(set),
        new MessageVerifier(config.chainId(), set, scheme, epochRoot),
        tree,
        new Pacemaker(config.timeouts(), tree.rootRound() + 1),
        new PendingVotes(set, scheme),
        new PendingTimeouts(set, scheme),
        set.indexOf(self));
  }

  /** Remembers a QC whose block is missing, dropping the oldest beyond the bound. */
  void awaitBlock(QuorumCertificate qc) {
    qcsAwaitingBlocks.putIfAbsent(qc.blockId(), qc);
    while (qcsAwaitingBlocks.size() > MAX_PENDING) {
      qcsAwaitingBlocks.remove(qcsAwaitingBlocks.keySet().iterator().next());
    }
  }

  /** Keeps a proposal for later, within the bound (the lowest rounds win). */
  void keepPending(PeerId from, ProposalMessage p) {
    pendingProposals.putIfAbsent(p.round(), new Pending(from, p));
    while (pendingProposals.size() > MAX_PENDING) {
      pendingProposals.pollLastEntry();
    }
  }

  /** The round a proposal-delay timer was last set for (one timer per round is enough). */
  long proposalTimerRound;

  /** Replaces the tree (after committed blocks were synced); drops what referred to the old one. */
  void resetTree(BlockTree fresh) {
    tree = fresh;
    qcsAwaitingBlocks.clear();
    pendingProposals.clear();
    awaitingVote = Optional.empty();
    draft = Optional.empty();
  }
}
