package dev.bulwark.ledger.staking;

import dev.bulwark.ledger.chain.ValidatorInfo;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.execution.GenesisSpec;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The module's genesis state: the admin, and every genesis validator permitted, registered and
 * bonded with its stake credited to the module account (the genesis alloc does not hold it).
 * Epoch 1, which starts at block 1, gets the top {@code maxValidators} of them by stake.
 */
final class StakingGenesis {
  private StakingGenesis() {}

  static void initialize(GenesisSpec genesis, StakingWriter w) {
    Set<Object> addresses = new HashSet<>();
    Set<Object> blsKeys = new HashSet<>();
    Set<Object> nodeKeys = new HashSet<>();
    List<ValidatorInfo> candidates = new ArrayList<>();
    BigInteger total = BigInteger.ZERO;
    w.setAdmin(genesis.params().admin());
    for (GenesisSpec.Validator v : genesis.validators()) {
      if (!addresses.add(v.address()) || !blsKeys.add(v.blsPublicKey())
          || !nodeKeys.add(v.nodePublicKey())) {
        throw new IllegalArgumentException("genesis validator " + v.address()
            + " repeats an address, BLS key or node key of another one");
      }
      w.setPermitted(v.address(), true);
      w.register(v.address());
      w.putValidator(v.address(),
          ValidatorRecord.registered(v.blsPublicKey(), v.nodePublicKey(), v.stake()));
      w.setKeyOwners(v.address(), v.blsPublicKey(), v.nodePublicKey());
      candidates.add(new ValidatorInfo(v.address(), v.blsPublicKey(), v.nodePublicKey(), v.stake()));
      total = total.add(v.stake());
    }
    w.adjustModuleBalance(total);
    ValidatorSet first = ValidatorSelection.top(candidates, genesis.params().maxValidators(), 1);
    w.putEpoch(new EpochEntry(first, 1));
    w.setEpochs(new EpochPointer(1, 1));
  }
}
