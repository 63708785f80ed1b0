package dev.bulwark.ledger.execution;

import dev.bulwark.ledger.chain.Evidence;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.state.MutableState;
import java.util.List;
import java.util.Optional;

/**
 * Block-level system transitions around a block's transactions: slashing for evidence,
 * inactivity jailing from the header's skipped rounds, and the validator set of the next epoch.
 * Their logs are block-level logs (stored in a synthetic receipt whose transaction hash is the
 * block hash).
 */
public interface BlockHooks {
  /**
   * Runs before the transactions. Throws {@link InvalidBlockException} when the evidence is not
   * admissible (too old, outside that epoch's set, badly signed, already applied): the whole
   * block is then invalid.
   */
  List<Log> beforeTransactions(BlockContext block, List<Evidence> evidence, MutableState state)
      throws InvalidBlockException;

  /** Runs after the transactions; at an epoch-ending block, returns the next epoch's set. */
  Optional<ValidatorSet> afterTransactions(BlockContext block, MutableState state, List<Log> logsOut);
}
