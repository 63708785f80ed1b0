package dev.bulwark.ledger.chain;

import dev.bulwark.ledger.types.Hash;
import java.util.List;

/**
 * How a committed block was finalised: the proof of the commit that included it, and the number of
 * that commit's last block. At an epoch end the proof commits a later, never-committed empty
 * descendant of that block; {@code proofPath} then holds the headers from the block after the last
 * committed one up to the block the proof commits, oldest first (otherwise it is empty and the
 * proof commits block {@code lastNumber} itself). The constructor checks that the path is one chain
 * starting right after {@code lastNumber} and ending at the proof's block.
 */
public record Finality(CommitProof proof, List<BlockHeader> proofPath, long lastNumber) {
  public Finality {
    Require.present(proof, "commit proof");
    Require.present(proofPath, "proof path");
    if (lastNumber < 1) {
      throw new IllegalArgumentException(
          "the last committed block must be above genesis, got " + lastNumber);
    }
    long expected = lastNumber + 1;
    Hash previous = null;
    for (BlockHeader h : proofPath) {
      Require.present(h, "proof path header");
      if (h.number() != expected || (previous != null && !h.parentHash().equals(previous))) {
        throw new IllegalArgumentException(
            "proof path header "
                + h.number()
                + " ("
                + h.hash()
                + ") does not continue the path at block "
                + (expected - 1));
      }
      previous = h.hash();
      expected++;
    }
    proofPath = List.copyOf(proofPath);
    if (previous != null && !proof.committedBlockId().equals(previous)) {
      throw new IllegalArgumentException(
          "the commit proof is for "
              + proof.committedBlockId()
              + ", not the proof path's last block "
              + previous);
    }
  }

  /** A commit whose proof names its last block, {@code lastNumber}, directly. */
  public static Finality direct(CommitProof proof, long lastNumber) {
    return new Finality(proof, List.of(), lastNumber);
  }

  /** The number of the block the proof commits: {@code lastNumber} plus the path length. */
  public long provenNumber() {
    return lastNumber + proofPath.size();
  }
}
