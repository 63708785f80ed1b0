package dev.bulwark.consensus.env;

import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.Evidence;
import java.util.List;

/** Equivocation proofs waiting for a block to carry them (the node's pool, a simulated one). */
public interface PendingEvidence {
  /** Up to {@code max} pending proofs, for a block. */
  List<Evidence> pending(int max);

  /** Forgets the proofs that {@code committed} blocks carry. */
  void committed(List<Block> committed);

  /** Forgets a proof the ledger no longer accepts (too old, already applied). */
  void drop(Evidence evidence);
}
