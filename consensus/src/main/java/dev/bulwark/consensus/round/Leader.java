package dev.bulwark.consensus.round;

import dev.bulwark.consensus.blocktree.ExecutionState;
import dev.bulwark.consensus.message.ProposalMessage;
import dev.bulwark.consensus.port.ExecutionOutcome;
import dev.bulwark.consensus.port.PayloadSource;
import dev.bulwark.consensus.round.EpochState.Draft;
import dev.bulwark.consensus.safety.SafetyRules;
import dev.bulwark.consensus.safety.UnsafeToSignException;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.QuorumCertificate;
import dev.bulwark.ledger.chain.TimeoutCertificate;
import dev.bulwark.ledger.crypto.bls.BlsSignature;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Hash;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leader's duty: once per round it proposes on its highest QC (with the previous round's TC
 * when that round timed out), no earlier than the minimum block interval after the parent's
 * timestamp, and only when the two-chain rule lets honest validators vote for it. The draft is
 * executed first; the result completes the header, which SafetyRules then signs.
 */
final class Leader {
  private static final Logger LOG = LoggerFactory.getLogger(Leader.class);

  private final RoundHost host;
  private final ConsensusConfig config;
  private final SafetyRules safety;
  private final PayloadSource payloads;
  private final Address self;
  private Hash ownBlock;
  private int draftRetries;

  Leader(RoundHost host, ConsensusConfig config, SafetyRules safety, PayloadSource payloads) {
    this.host = host;
    this.config = config;
    this.safety = safety;
    this.payloads = payloads;
    this.self = safety.signer().address();
  }

  /** True for the leader's own, already executed, latest block. */
  boolean isOwnBlock(Hash id) {
    return id.equals(ownBlock);
  }

  /** Starts this round's proposal if this node leads it and can make a safe one. */
  void tryPropose() {
    EpochState s = host.state();
    long round = s.pacemaker.round();
    if (host.awaitingEpochChange()
        || s.tree.epochEnded()
        || s.proposingRound >= round
        || !s.election.leader(round).equals(self)
        || s.tree.highestQc().isEmpty()) {
      return;
    }
    QuorumCertificate qc = s.tree.highestQc().get();
    Optional<TimeoutCertificate> tc = s.highestTc.filter(t -> t.round() + 1 == round);
    boolean safe =
        round == qc.round() + 1 || (tc.isPresent() && qc.round() >= tc.get().highestQcRound());
    Optional<Block> parent = s.tree.block(qc.blockId());
    if (!safe
        || parent.isEmpty()
        || s.tree.executionState(qc.blockId()).orElseThrow() != ExecutionState.EXECUTED) {
      return;
    }
    long earliest = parent.get().header().timestampMillis() + config.minBlockIntervalMillis();
    if (host.now() < earliest) {
      if (s.proposalTimerRound != round) {
        s.proposalTimerRound = round;
        host.emit(new Action.SetTimer(TimerKind.PROPOSAL_DELAY, s.epoch, round, earliest));
      }
      return;
    }
    Block draft =
        ProposalDrafts.draft(
            parent.get(),
            qc,
            round,
            host.now(),
            self,
            s.epoch,
            s.tree.atOrAfterEpochEnd(qc.blockId())
                ? Optional.empty()
                : Optional.of(payloads.payload(s.epoch, round, parent.get())));
    s.proposingRound = round;
    s.draft = Optional.of(new Draft(round, draft, tc));
    draftRetries = 0;
    host.emit(new Action.ExecuteBlock(draft, parent.get().header(), true));
  }

  /**
   * The draft's execution outcome is in: sign and send the proposal (still the same round); a
   * draft the environment could not execute now is tried again, a few times.
   */
  void onDraftExecuted(Draft draft, ExecutionOutcome outcome) {
    EpochState s = host.state();
    boolean current = !host.awaitingEpochChange() && draft.round() == s.pacemaker.round();
    if (current
        && outcome instanceof ExecutionOutcome.Unavailable u
        && draftRetries++ < Execution.RETRIES) {
      LOG.debug("{} retries its draft of round {}: {}", self, draft.round(), u.reason());
      Block parent = s.tree.block(draft.block().header().parentHash()).orElseThrow();
      host.emit(new Action.ExecuteBlock(draft.block(), parent.header(), true));
      return;
    }
    s.draft = Optional.empty();
    if (current && outcome instanceof ExecutionOutcome.Executed x) {
      sign(draft, ProposalDrafts.complete(draft.block(), x.result()));
    }
  }

  /** The environment rebuilt the draft's body: sign it if it is still the draft's block. */
  void onDraftBuilt(Draft draft, Optional<Block> built) {
    EpochState s = host.state();
    s.draft = Optional.empty();
    if (built.isEmpty() || host.awaitingEpochChange() || draft.round() != s.pacemaker.round()) {
      return;
    }
    if (!ProposalDrafts.sameSlot(draft.block().header(), built.get().header())) {
      LOG.warn("{} drops a rebuilt draft that changed its header in round {}", self, draft.round());
      return;
    }
    sign(draft, built.get());
  }

  private void sign(Draft draft, Block block) {
    BlsSignature signature;
    try {
      signature = safety.signProposal(block);
    } catch (UnsafeToSignException e) {
      LOG.debug("{} does not propose in round {}: {}", self, draft.round(), e.getMessage());
      return;
    }
    ProposalMessage proposal = new ProposalMessage(block, signature, draft.tc());
    LOG.trace("{} proposes block {} in round {}", self, block.header().number(), draft.round());
    ownBlock = block.hash();
    host.emit(new Action.Broadcast(proposal));
    host.deliverToSelf(proposal);
  }
}
