package dev.bulwark.consensus.env;

import dev.bulwark.consensus.port.CommittedChain;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.Finality;
import dev.bulwark.ledger.store.ChainStore;
import java.util.Optional;

/** The consensus core's view of the committed chain: reads of the ledger's store (thread-safe). */
public final class LedgerCommittedChain implements CommittedChain {
  private final ChainStore store;

  /** A view of {@code store}. */
  public LedgerCommittedChain(ChainStore store) {
    this.store = store;
  }

  @Override
  public long height() {
    return store.head().number();
  }

  @Override
  public Optional<Block> block(long number) {
    return store.block(number);
  }

  @Override
  public Optional<Finality> finality(long number) {
    return store.finality(number);
  }
}
