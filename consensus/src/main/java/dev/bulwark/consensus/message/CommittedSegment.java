package dev.bulwark.consensus.message;

import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.chain.CommitProof;
import java.util.List;

/**
 * Consecutive committed blocks and the proof that finalised the last of them. The proof's QC
 * commits either the last block itself or, at an epoch end, a descendant reached through {@code
 * proofPath}: the headers of the empty blocks that followed the epoch-ending block in its epoch
 * (see {@code BlockTree}), which are never committed themselves.
 */
public record CommittedSegment(List<Block> blocks, CommitProof proof, List<BlockHeader> proofPath) {
  public CommittedSegment {
    blocks = List.copyOf(Checks.present(blocks, "blocks"));
    Checks.present(proof, "commit proof");
    proofPath = List.copyOf(Checks.present(proofPath, "proof path"));
    if (blocks.isEmpty()) {
      throw new IllegalArgumentException("a committed segment holds at least one block");
    }
    for (int i = 1; i < blocks.size(); i++) {
      if (!blocks.get(i).header().parentHash().equals(blocks.get(i - 1).hash())) {
        throw new IllegalArgumentException(
            "segment block " + i + " does not extend block " + (i - 1));
      }
    }
    Checks.proofPathLinks(last(blocks).header(), proofPath, proof);
  }

  private static Block last(List<Block> blocks) {
    return blocks.get(blocks.size() - 1);
  }

  /** The last (highest) block of the segment. */
  public Block lastBlock() {
    return last(blocks);
  }
}
