package dev.bulwark.consensus.port;

import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockHeader;
import java.util.Optional;

/**
 * Executes blocks for the environment that answers the core's {@code ExecuteBlock} actions (the
 * node's ledger worker, the simulation's fake). The core never calls it directly: execution is
 * asynchronous, its result comes back as a {@code BlockExecuted} event.
 */
public interface StateComputer {
  /**
   * The execution result of {@code block} on the state after {@code parent}, or empty when the
   * block is invalid (a transaction or evidence the ledger rejects).
   */
  Optional<ExecutionResult> execute(Block block, BlockHeader parent);
}
