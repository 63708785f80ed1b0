package dev.bulwark.consensus.persistence;

import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.QuorumCertificate;
import dev.bulwark.ledger.chain.TimeoutCertificate;

/**
 * Where the core keeps its uncommitted block tree (after Aptos' {@code save_tree}): the blocks it
 * accepted (proposed or fetched), the QCs it inserted and its highest TC. Blocks and TCs are
 * durable when their save returns, QCs once a later save of a block or TC, or {@link #sync},
 * returns: the core saves before it votes or times out on what it saved (a vote relies on its
 * block, which carries the parent's QC; a timeout calls {@link #sync} first), so after a crash (of
 * one node or of all at once) it rebuilds a tree whose highest QC and TC justify every round it
 * signed in. Losing entries costs liveness, never safety (that is the safety data's job).
 */
public interface BlockTreeStorage {
  /** Everything saved and not yet pruned. */
  PersistedTree load();

  /** Stores {@code block} durably (a block already stored is ignored). */
  void saveBlock(Block block);

  /**
   * Stores {@code qc} (a QC already stored is ignored), durably by the next block or TC save or
   * {@link #sync}: a QC usually arrives just ahead of the block that carries it, and one fsync then
   * covers both.
   */
  void saveQc(QuorumCertificate qc);

  /** Stores {@code tc} durably as the highest TC, unless a higher one is stored. */
  void saveTc(TimeoutCertificate tc);

  /** Makes every save so far durable. */
  void sync();

  /**
   * Forgets blocks numbered at or below {@code committedNumber} (the ledger holds them), their QCs,
   * and certificates of epochs before {@code epoch}; the highest QC and TC of the epoch are kept.
   */
  void prune(long committedNumber, long epoch);
}
