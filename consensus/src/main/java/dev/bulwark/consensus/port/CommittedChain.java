package dev.bulwark.consensus.port;

import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.Finality;
import java.util.Optional;

/**
 * Read access to the committed chain (the ledger's store), for recovery and for serving peers that
 * catch up. Reads must be cheap: the core calls them on its own thread.
 */
public interface CommittedChain {
  /** Number of the highest committed block (0: only genesis). */
  long height();

  /** The committed block {@code number}, if present. */
  Optional<Block> block(long number);

  /** How committed block {@code number} was finalised; empty for genesis or unknown numbers. */
  Optional<Finality> finality(long number);

  /** The highest committed block. */
  default Block lastBlock() {
    return block(height()).orElseThrow();
  }
}
