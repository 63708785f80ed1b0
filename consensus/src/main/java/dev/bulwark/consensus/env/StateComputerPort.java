package dev.bulwark.consensus.env;

import dev.bulwark.consensus.port.DraftResult;
import dev.bulwark.consensus.port.ExecutionOutcome;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.chain.CommitProof;
import dev.bulwark.ledger.chain.ValidatorSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A {@link dev.bulwark.consensus.port.StateComputer} run asynchronously, off the core: each call
 * returns at once and its result arrives later through the callback, on the thread that handles
 * consensus events. Commits apply in the order they are asked for.
 */
public interface StateComputerPort {
  /** Executes {@code block} on {@code parent}; {@code done} gets the outcome. */
  void execute(Block block, BlockHeader parent, Consumer<ExecutionOutcome> done);

  /** Builds the leader's block from {@code draft} on {@code parent}; {@code done} gets it. */
  void build(Block draft, BlockHeader parent, Consumer<DraftResult> done);

  /** Commits {@code blocks}; {@code done} hears whether the ledger applied them. */
  void commit(
      List<Block> blocks, CommitProof proof, List<BlockHeader> proofPath, CommitCallback done);

  /** The end of a commit. */
  interface CommitCallback {
    /** The blocks are durable; {@code next} is the next epoch's set when they end an epoch. */
    void applied(Optional<ValidatorSet> next);

    /** The ledger refused the blocks ({@code reason}): ledger and consensus would diverge. */
    void refused(String reason);
  }
}
