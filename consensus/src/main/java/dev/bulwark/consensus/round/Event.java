package dev.bulwark.consensus.round;

import dev.bulwark.consensus.message.ConsensusMessage;
import dev.bulwark.consensus.message.PeerId;
import dev.bulwark.consensus.port.ExecutionOutcome;
import dev.bulwark.consensus.port.ExecutionResult;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.util.Optional;

/**
 * An input to the consensus state machine. Each carries the node's clock reading in unix
 * milliseconds: the core never reads a clock itself, which keeps it deterministic.
 */
public sealed interface Event {
  /** The local time at which the event is handled. */
  long now();

  /** The node starts, or restarts after a crash, from its persisted state. */
  record Start(long now) implements Event {}

  /** A decoded message arrived from a peer. */
  record MessageReceived(long now, PeerId from, ConsensusMessage message) implements Event {}

  /** Raw bytes arrived from a peer; the core decodes them (and penalises the peer if it can't). */
  record BytesReceived(long now, PeerId from, Bytes bytes) implements Event {}

  /** A timer set by a {@link Action.SetTimer} action expired. */
  record TimerFired(long now, TimerKind kind, long epoch, long round) implements Event {}

  /**
   * The outcome of an {@link Action.ExecuteBlock}: executed, invalid, or not available now (then
   * the core retries; a local slowness never counts against the block).
   */
  record BlockExecuted(long now, Hash blockId, ExecutionOutcome outcome) implements Event {
    public BlockExecuted {
      if (blockId == null || outcome == null) {
        throw new IllegalArgumentException("an execution outcome names its block and outcome");
      }
    }

    /** For callers that know only two outcomes: a result, or empty for an invalid block. */
    public BlockExecuted(long now, Hash blockId, Optional<ExecutionResult> result) {
      this(
          now,
          blockId,
          result
              .<ExecutionOutcome>map(ExecutionOutcome.Executed::new)
              .orElseGet(() -> new ExecutionOutcome.Invalid("invalid block")));
    }
  }

  /**
   * The answer to a leader's draft {@link Action.ExecuteBlock} when the environment rebuilt the
   * body: {@code block} is the draft with the transactions that are invalid on the parent left
   * out (a pipelined ancestor may already include them) and the execution fields filled in, or
   * empty when no block can be built. The core signs it only if its header keeps the draft's
   * parent, number, time, proposer, epoch, round and skipped rounds.
   */
  record DraftBuilt(long now, Hash draftId, Optional<Block> block) implements Event {}

  /** The ledger applied an epoch-ending block: the validator set of the next epoch. */
  record EpochChange(long now, ValidatorSet next) implements Event {}
}
