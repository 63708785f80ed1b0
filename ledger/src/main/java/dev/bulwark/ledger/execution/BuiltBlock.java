package dev.bulwark.ledger.execution;

import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.tx.SignedTransaction;
import java.util.List;

/**
 * A block the builder produced, its execution result (which {@link BlockExecutor} reproduces) and
 * the candidate transactions it left out.
 */
public record BuiltBlock(Block block, ExecutionResult result, List<SignedTransaction> dropped) {
  public BuiltBlock {
    dropped = List.copyOf(dropped);
  }
}
