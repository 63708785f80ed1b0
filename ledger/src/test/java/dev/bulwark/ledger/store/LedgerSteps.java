package dev.bulwark.ledger.store;

import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.Evidence;
import dev.bulwark.ledger.execution.BuiltBlock;
import dev.bulwark.ledger.execution.ChainFixture;
import dev.bulwark.ledger.execution.InvalidBlockException;
import dev.bulwark.ledger.tx.SignedTransaction;
import java.util.List;

/** Drives a {@link Ledger} the way the node will: build on the head, commit with a proof. */
final class LedgerSteps {
  private LedgerSteps() {}

  /** Builds a block of {@code txs} on the head and commits it; returns it. */
  static Block advance(Ledger ledger, ChainFixture f, List<SignedTransaction> txs) {
    return advance(ledger, f, txs, List.of(), 0);
  }

  static Block advance(
      Ledger ledger,
      ChainFixture f,
      List<SignedTransaction> txs,
      List<Evidence> evidence,
      int skipped) {
    BuiltBlock built = ledger.build(f.template(ledger.head(), skipped), txs, evidence);
    try {
      ledger.commit(built.block(), f.commitProof(built.block().header()));
    } catch (InvalidBlockException e) {
      throw new AssertionError("a built block must be valid", e);
    }
    return built.block();
  }
}
