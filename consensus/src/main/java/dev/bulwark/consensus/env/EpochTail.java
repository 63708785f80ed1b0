package dev.bulwark.consensus.env;

import dev.bulwark.consensus.port.ExecutionResult;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.execution.Epochs;
import dev.bulwark.ledger.execution.ListRoot;
import java.util.Optional;

/**
 * The blocks consensus builds after an epoch-ending block, in the ending epoch, only to certify it
 * (consensus/README.md, "Epochs"). They are never committed, so the ledger never runs them: such a
 * block is valid when it is empty, and its "execution" leaves the parent's state unchanged. Every
 * node derives the same result from the parent header alone.
 */
public final class EpochTail {
  private EpochTail() {}

  /** True for a block numbered past the last block of its own epoch. */
  public static boolean isTail(BlockHeader header, long epochLengthBlocks) {
    return header.epoch() >= 1
        && header.number() > Epochs.lastBlockOf(header.epoch(), epochLengthBlocks);
  }

  /** The result of tail block {@code block} on {@code parent}: empty when it carries anything. */
  public static Optional<ExecutionResult> execute(Block block, BlockHeader parent) {
    if (!block.transactions().isEmpty() || !block.evidence().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new ExecutionResult(
            parent.stateRoot(),
            ListRoot.EMPTY,
            ListRoot.EMPTY,
            ListRoot.EMPTY,
            parent.gasLimit(),
            0,
            parent.baseFeePerGas()));
  }
}
