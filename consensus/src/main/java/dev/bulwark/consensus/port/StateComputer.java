package dev.bulwark.consensus.port;

import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockHeader;

/**
 * Executes blocks for the environment that answers the core's {@code ExecuteBlock} actions (the
 * node's ledger worker, the simulation's fake). The core never calls it directly: execution is
 * asynchronous, its result comes back as a {@code BlockExecuted} event.
 */
public interface StateComputer {
  /**
   * Executes {@code block} on the state after {@code parent}: its result, or why it is invalid, or
   * why it cannot be executed now.
   */
  ExecutionOutcome execute(Block block, BlockHeader parent);
}
