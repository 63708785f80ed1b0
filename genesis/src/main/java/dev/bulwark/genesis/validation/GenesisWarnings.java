package dev.bulwark.genesis.validation;

import dev.bulwark.genesis.devaccounts.DevAccounts;
import dev.bulwark.genesis.model.Genesis;
import dev.bulwark.genesis.model.GenesisRules;
import dev.bulwark.genesis.model.GenesisValidator;
import dev.bulwark.genesis.model.Problem;
import dev.bulwark.ledger.types.Address;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Non-fatal findings about a valid genesis: things that work but are probably not intended. */
public final class GenesisWarnings {
  /** Fewest validators that tolerate one faulty validator (n = 3f + 1). */
  public static final int MIN_FAULT_TOLERANT_VALIDATORS = 4;

  private GenesisWarnings() {}

  /** The warnings for {@code genesis}, in file order. */
  public static List<Problem> of(Genesis genesis) {
    List<Problem> warnings = new ArrayList<>();
    Address admin = genesis.params().admin();
    Set<Address> devAccounts = DevAccounts.addresses();
    if (admin.equals(Address.of(new byte[Address.SIZE]))) {
      warnings.add(new Problem("params.admin", "is the zero address: nobody can permit or revoke validators"));
    } else if (devAccounts.contains(admin)) {
      warnings.add(new Problem("params.admin",
          "is a well-known development account whose private key is public: fine for a devnet only"));
    }
    int n = genesis.validators().size();
    if (n < MIN_FAULT_TOLERANT_VALIDATORS) {
      warnings.add(new Problem("validators", "only " + n + " validator" + (n == 1 ? "" : "s")
          + ": no fault tolerance (at least " + MIN_FAULT_TOLERANT_VALIDATORS
          + " are needed to survive one faulty validator)"));
    }
    if (n > genesis.params().maxValidators()) {
      warnings.add(new Problem("validators", n + " validators but params.maxValidators is "
          + genesis.params().maxValidators() + ": only that many, by stake, join the first epoch"));
    }
    BigInteger total = genesis.totalStake();
    for (int i = 0; i < n; i++) {
      GenesisValidator v = genesis.validators().get(i);
      if (n >= MIN_FAULT_TOLERANT_VALIDATORS
          && v.stake().multiply(BigInteger.valueOf(3)).compareTo(total) >= 0) {
        warnings.add(new Problem(GenesisRules.validatorPath(i, "stake"),
            "at least a third of the total stake: this validator alone can halt the chain"));
      }
      if (!genesis.alloc().containsKey(v.address())) {
        warnings.add(new Problem(GenesisRules.validatorPath(i, "address"),
            "has no balance in alloc, so it cannot pay gas for staking calls such as unjail()"));
      }
    }
    long funded = genesis.alloc().keySet().stream().filter(devAccounts::contains).count();
    if (funded > 0) {
      warnings.add(new Problem("alloc", "funds " + funded + " well-known development account"
          + (funded == 1 ? "" : "s") + " (mnemonic \"" + DevAccounts.MNEMONIC
          + "\"): anyone can spend them; fine for a devnet only"));
    }
    return warnings;
  }
}
