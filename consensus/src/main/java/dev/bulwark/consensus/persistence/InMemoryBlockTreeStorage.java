package dev.bulwark.consensus.persistence;

import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.QuorumCertificate;
import dev.bulwark.ledger.chain.TimeoutCertificate;

/**
 * Block-tree storage in memory: for tests and the simulation, where a simulated crash keeps this
 * object exactly as a real crash keeps the node's durable store (every save is complete on return).
 */
public final class InMemoryBlockTreeStorage implements BlockTreeStorage {
  private final TreeContents contents = new TreeContents();
  private int writes;

  @Override
  public PersistedTree load() {
    return contents.snapshot();
  }

  @Override
  public void saveBlock(Block block) {
    if (contents.addBlock(block)) {
      writes++;
    }
  }

  @Override
  public void saveQc(QuorumCertificate qc) {
    if (contents.addQc(qc)) {
      writes++;
    }
  }

  @Override
  public void saveTc(TimeoutCertificate tc) {
    if (contents.addTc(tc)) {
      writes++;
    }
  }

  @Override
  public void prune(long committedNumber, long epoch) {
    contents.prune(committedNumber, epoch);
  }

  /** Durable writes so far (one per new entry: what a file store would fsync). */
  public int writes() {
    return writes;
  }

  /** Entries held now. */
  public int size() {
    return contents.size();
  }
}
