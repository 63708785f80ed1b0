package dev.bulwark.consensus.round;

import dev.bulwark.consensus.message.ConsensusMessage;
import dev.bulwark.consensus.message.PeerId;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.chain.CommitProof;
import dev.bulwark.ledger.chain.Evidence;
import dev.bulwark.ledger.types.Address;
import java.util.List;

/** An output of the consensus state machine, for the environment to carry out. */
public sealed interface Action {
  /**
   * Hands this action to {@code handler}'s method for its type. A new action type must add a
   * method to {@link Handler}, so every environment fails to build until it carries it out.
   */
  void applyTo(Handler handler);

  /** One method per action type: what an environment does with each. */
  interface Handler {
    /** Carries out a {@link SendTo}. */
    void sendTo(SendTo action);

    /** Carries out a {@link Broadcast}. */
    void broadcast(Broadcast action);

    /** Carries out a {@link SendToPeer}. */
    void sendToPeer(SendToPeer action);

    /** Carries out an {@link ExecuteBlock}. */
    void executeBlock(ExecuteBlock action);

    /** Carries out a {@link CommitBlocks}. */
    void commitBlocks(CommitBlocks action);

    /** Carries out a {@link SetTimer}. */
    void setTimer(SetTimer action);

    /** Carries out a {@link ReportEvidence}. */
    void reportEvidence(ReportEvidence action);

    /** Carries out a {@link PenalisePeer}. */
    void penalisePeer(PenalisePeer action);

    /** Carries out a {@link Halt}. */
    void halt(Halt action);
  }

  /** Send {@code message} to validator {@code validator} (every node holding its key). */
  record SendTo(Address validator, ConsensusMessage message) implements Action {
    @Override
    public void applyTo(Handler handler) {
      handler.sendTo(this);
    }
  }

  /** Send {@code message} to every other validator of the current epoch. */
  record Broadcast(ConsensusMessage message) implements Action {
    @Override
    public void applyTo(Handler handler) {
      handler.broadcast(this);
    }
  }

  /** Send {@code message} to one peer connection (answers, block fetches, sync replies). */
  record SendToPeer(PeerId peer, ConsensusMessage message) implements Action {
    @Override
    public void applyTo(Handler handler) {
      handler.sendToPeer(this);
    }
  }

  /**
   * Execute {@code block} on the state after {@code parent} and answer with a {@link
   * Event.BlockExecuted} for the block's id. For a leader's draft ({@code draft} true) the header's
   * execution fields are still zero; the result fills them in. For a draft the environment may
   * instead answer with an {@link Event.DraftBuilt} carrying a rebuilt body.
   */
  record ExecuteBlock(Block block, BlockHeader parent, boolean draft) implements Action {
    @Override
    public void applyTo(Handler handler) {
      handler.executeBlock(this);
    }
  }

  /**
   * Commit {@code blocks} (consecutive, oldest first, extending the committed chain) finalised by
   * {@code proof}; {@code proofPath} links the last block to the block the proof commits when they
   * differ (epoch end). When the last block ends its epoch, the environment answers with an {@link
   * Event.EpochChange} once the block is applied.
   */
  record CommitBlocks(List<Block> blocks, CommitProof proof, List<BlockHeader> proofPath)
      implements Action {
    public CommitBlocks {
      blocks = List.copyOf(blocks);
      proofPath = List.copyOf(proofPath);
    }

    @Override
    public void applyTo(Handler handler) {
      handler.commitBlocks(this);
    }
  }

  /**
   * Fire a {@link Event.TimerFired} of this kind, epoch and round at local time {@code atMillis}.
   */
  record SetTimer(TimerKind kind, long epoch, long round, long atMillis) implements Action {
    @Override
    public void applyTo(Handler handler) {
      handler.setTimer(this);
    }
  }

  /** Proof of an equivocation, found once: hand it to the payload source for inclusion. */
  record ReportEvidence(Evidence evidence) implements Action {
    @Override
    public void applyTo(Handler handler) {
      handler.reportEvidence(this);
    }
  }

  /** The peer sent something invalid; the p2p layer lowers its score. */
  record PenalisePeer(PeerId peer, PenaltyReason reason, String detail) implements Action {
    @Override
    public void applyTo(Handler handler) {
      handler.penalisePeer(this);
    }
  }

  /**
   * Consensus has stopped for good and handles no further event: the safety data could not be made
   * durable ({@code reason}), so nothing more may be signed. The environment carries out the {@link
   * CommitBlocks} before it (commits the core already counts as done), then stops the node.
   */
  record Halt(String reason) implements Action {
    public Halt {
      if (reason == null || reason.isBlank()) {
        throw new IllegalArgumentException("a halt needs a reason");
      }
    }

    @Override
    public void applyTo(Handler handler) {
      handler.halt(this);
    }
  }
}
