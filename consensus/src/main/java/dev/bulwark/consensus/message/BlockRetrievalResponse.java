package dev.bulwark.consensus.message;

import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.types.Hash;
import java.util.List;

/**
 * The answer to a {@link BlockRetrievalRequest}: the requested block first, then its ancestors
 * newest to oldest (each the parent of the one before), or nothing when the peer lacks it.
 */
public record BlockRetrievalResponse(Hash blockId, List<Block> blocks) implements ConsensusMessage {
  public BlockRetrievalResponse {
    Checks.present(blockId, "block id");
    blocks = List.copyOf(Checks.present(blocks, "blocks"));
    if (blocks.size() > BlockRetrievalRequest.MAX_COUNT) {
      throw new IllegalArgumentException(
          "at most "
              + BlockRetrievalRequest.MAX_COUNT
              + " blocks per response, got "
              + blocks.size());
    }
    if (!blocks.isEmpty() && !blocks.get(0).hash().equals(blockId)) {
      throw new IllegalArgumentException("the first block is not the requested one");
    }
    for (int i = 1; i < blocks.size(); i++) {
      if (!blocks.get(i).hash().equals(blocks.get(i - 1).header().parentHash())) {
        throw new IllegalArgumentException("block " + i + " is not the parent of block " + (i - 1));
      }
    }
  }
}
