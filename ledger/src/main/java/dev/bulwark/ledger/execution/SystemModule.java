package dev.bulwark.ledger.execution;

import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.state.MutableState;
import dev.bulwark.ledger.state.StateReader;

/**
 * A native system module (the staking module): callable by transactions, hooked into every
 * block, initialised at genesis, and the one source of validator sets (from committed state).
 */
public interface SystemModule extends SystemContract, BlockHooks {
  /** Writes the module's genesis state (e.g. the genesis validators' stakes). */
  void initializeGenesis(GenesisSpec genesis, MutableState state);

  /** The validator set of the epoch in progress at {@code state} (epoch 1's is the genesis set). */
  ValidatorSet currentValidatorSet(StateReader state);
}
