package dev.bulwark.consensus.port;

import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.chain.CommitProof;
import java.util.List;

/**
 * How a committed block was finalised: the proof of the commit that included it, the headers
 * linking the batch's last block to the block the proof commits (empty except at an epoch end), and
 * the number of that last block.
 */
public record FinalityRecord(CommitProof proof, List<BlockHeader> proofPath, long lastNumber) {
  public FinalityRecord {
    if (proof == null) {
      throw new IllegalArgumentException("commit proof is missing");
    }
    proofPath = List.copyOf(proofPath);
  }
}
