package dev.bulwark.consensus.persistence;

import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.QuorumCertificate;
import dev.bulwark.ledger.chain.TimeoutCertificate;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link BlockTreeStorage} holds: blocks ordered by number, QCs by (epoch, round), and the
 * highest TC. Entries of any epoch may appear; recovery keeps those that extend the committed root.
 */
public record PersistedTree(
    List<Block> blocks, List<QuorumCertificate> qcs, Optional<TimeoutCertificate> highestTc) {
  /** Nothing stored. */
  public static final PersistedTree EMPTY =
      new PersistedTree(List.of(), List.of(), Optional.empty());

  public PersistedTree {
    if (blocks == null || qcs == null || highestTc == null) {
      throw new IllegalArgumentException("persisted tree parts must not be null");
    }
    blocks = List.copyOf(blocks);
    qcs = List.copyOf(qcs);
  }
}
