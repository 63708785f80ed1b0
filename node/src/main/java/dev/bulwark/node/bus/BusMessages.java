package dev.bulwark.node.bus;

import dev.bulwark.consensus.message.ConsensusMessage;
import dev.bulwark.consensus.message.PeerId;
import dev.bulwark.consensus.port.ExecutionOutcome;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.chain.CommitProof;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.p2p.scoring.Offence;
import dev.bulwark.p2p.transport.MessageType;
import io.vertx.core.eventbus.EventBus;
import java.util.List;
import java.util.Optional;

/** The records the node's verticles exchange over the event bus, and their addresses. */
public final class BusMessages {
  /** Consensus input: a verified-ahead message from a peer. */
  public static final String CONSENSUS_INBOUND = "bulwark.consensus.inbound";
  /** Ledger worker: execute a block (request/reply). */
  public static final String LEDGER_EXECUTE = "bulwark.ledger.execute";
  /** Ledger worker: commit finalised blocks (request/reply). */
  public static final String LEDGER_COMMIT = "bulwark.ledger.commit";
  /** P2p: a frame to send. */
  public static final String P2P_OUTBOUND = "bulwark.p2p.outbound";
  /** P2p: a peer to penalise. */
  public static final String P2P_PENALTY = "bulwark.p2p.penalty";
  /** P2p: the validator set changed (allow list, signature prechecks). */
  public static final String P2P_VALIDATORS = "bulwark.p2p.validators";

  private BusMessages() {}

  /** A consensus message from {@code from}, its signatures already checked once off the loop. */
  public record Inbound(PeerId from, ConsensusMessage message) {}

  /** Execute {@code block} on {@code parent}; {@code draft} for the leader's own draft. */
  public record ExecuteRequest(Block block, BlockHeader parent, boolean draft) {}

  /** The execution outcome; for a rebuilt draft, the block to sign. */
  public record ExecuteReply(ExecutionOutcome outcome, Optional<Block> built) {}

  /** Commit {@code blocks} finalised by {@code proof} (linked through {@code proofPath}). */
  public record CommitRequest(List<Block> blocks, CommitProof proof, List<BlockHeader> proofPath) {}

  /** After a commit: the next epoch's set when the last block ended its epoch. */
  public record CommitReply(Optional<ValidatorSet> nextValidators) {}

  /**
   * A frame for one peer ({@code to} present) or for every connected peer but {@code except} (the
   * peer a relayed message came from).
   */
  public record Outbound(Optional<Bytes> to, Optional<Bytes> except, MessageType type, Bytes payload) {
    /** To every connected peer. */
    public static Outbound toAll(MessageType type, Bytes payload) {
      return new Outbound(Optional.empty(), Optional.empty(), type, payload);
    }

    /** To every connected peer except {@code origin}. */
    public static Outbound relay(MessageType type, Bytes payload, Optional<Bytes> origin) {
      return new Outbound(Optional.empty(), origin, type, payload);
    }

    /** To the peer with node key {@code nodeKey}. */
    public static Outbound to(Bytes nodeKey, MessageType type, Bytes payload) {
      return new Outbound(Optional.of(nodeKey), Optional.empty(), type, payload);
    }
  }

  /** Lower the score of the peer with node key {@code nodeKey}. */
  public record Penalty(Bytes nodeKey, Offence offence, String detail) {}

  /** The validator set of the epoch the node is now in. */
  public record ValidatorsChanged(ValidatorSet validators) {}

  /** Registers the pass-through codec of every record above on {@code bus}. */
  public static void registerCodecs(EventBus bus) {
    for (Class<?> type :
        List.of(
            Inbound.class,
            ExecuteRequest.class,
            ExecuteReply.class,
            CommitRequest.class,
            CommitReply.class,
            Outbound.class,
            Penalty.class,
            ValidatorsChanged.class)) {
      register(bus, type);
    }
  }

  private static <T> void register(EventBus bus, Class<T> type) {
    LocalCodec.register(bus, type);
  }
}
