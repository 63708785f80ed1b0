package dev.bulwark.consensus.persistence;

import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.QuorumCertificate;
import dev.bulwark.ledger.chain.TimeoutCertificate;

/**
 * Where the core keeps its uncommitted block tree (after Aptos' {@code save_tree}): the blocks it
 * accepted (proposed or fetched), the QCs it inserted and its highest TC. Each save must be durable
 * when it returns: the core saves before it votes or times out on what it saved, so after a crash
 * (of one node or of all at once) it rebuilds a tree whose highest QC and TC justify every round it
 * signed in. Losing entries costs liveness, never safety (that is the safety data's job).
 */
public interface BlockTreeStorage {
  /** Everything saved and not yet pruned. */
  PersistedTree load();

  /** Stores {@code block} durably (a block already stored is ignored). */
  void saveBlock(Block block);

  /** Stores {@code qc} durably (a QC already stored is ignored). */
  void saveQc(QuorumCertificate qc);

  /** Stores {@code tc} durably as the highest TC, unless a higher one is stored. */
  void saveTc(TimeoutCertificate tc);

  /**
   * Forgets blocks numbered at or below {@code committedNumber} (the ledger holds them), their QCs,
   * and certificates of epochs before {@code epoch}; the highest QC and TC of the epoch are kept.
   */
  void prune(long committedNumber, long epoch);
}
