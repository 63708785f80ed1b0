package dev.bulwark.consensus.port;

import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.chain.CommitProof;
import dev.bulwark.ledger.chain.ValidatorSet;
import java.util.List;
import java.util.Optional;

/**
 * The ledger as consensus needs it: execute a proposed block, build the leader's block from its
 * draft, commit finalised blocks. One contract for the node's ledger and the simulation's fake; the
 * core never calls it directly: the environment runs it off the core (the node's ledger worker, the
 * simulation's delayed events) and hands the results back as events.
 */
public interface StateComputer {
  /**
   * Executes {@code block} on the state after {@code parent}: its result, or why it is invalid, or
   * why it cannot be executed now.
   */
  ExecutionOutcome execute(Block block, BlockHeader parent);

  /**
   * Executes the leader's {@code draft} on {@code parent}, rebuilding its body when the ledger has
   * to (transactions that are invalid on the parent left out); by default the draft as it is.
   */
  default DraftResult build(Block draft, BlockHeader parent) {
    return DraftResult.asIs(execute(draft, parent));
  }

  /**
   * Applies {@code blocks}, finalised by {@code proof} (through {@code proofPath} at an epoch end),
   * durably and in order; returns the next epoch's validator set when the last block ends its
   * epoch.
   */
  Optional<ValidatorSet> commit(List<Block> blocks, CommitProof proof, List<BlockHeader> proofPath)
      throws CommitRefusedException;
}
