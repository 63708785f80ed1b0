package dev.bulwark.consensus.blocktree;

import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.chain.CommitProof;
import java.util.List;

/**
 * Blocks that just became final, oldest first, with the proof that finalised them. Normally the
 * proof commits the last block; when the commit reaches an epoch-ending block the list stops there
 * and {@code proofPath} holds the headers between it and the block the proof commits.
 */
public record CommitDecision(
    List<Block> blocks, CommitProof proof, List<BlockHeader> proofPath, boolean endsEpoch) {
  public CommitDecision {
    blocks = List.copyOf(blocks);
    proofPath = List.copyOf(proofPath);
    if (blocks.isEmpty()) {
      throw new IllegalArgumentException("a commit decision commits at least one block");
    }
  }

  /** The highest block committed. */
  public Block lastBlock() {
    return blocks.get(blocks.size() - 1);
  }
}
