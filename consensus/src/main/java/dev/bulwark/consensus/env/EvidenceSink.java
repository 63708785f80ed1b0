package dev.bulwark.consensus.env;

import dev.bulwark.ledger.chain.Evidence;

/** Where found equivocation proofs go: the pool leaders include them from, and the peers. */
public interface EvidenceSink {
  /** A proof the core found, once per offence. */
  void report(Evidence evidence);
}
