package dev.bulwark.node.audit;

import dev.bulwark.ledger.staking.StakingModule;
import dev.bulwark.ledger.staking.StakingReader;
import dev.bulwark.ledger.staking.ValidatorRecord;
import dev.bulwark.ledger.state.StateReader;
import dev.bulwark.ledger.types.Address;
import java.math.BigInteger;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The supply equation, kept incrementally: genesis supply − burned base fees − slashed stake =
 * sum of account balances (the staking module's own account aside) + bonded + unbonding stake.
 * Only the accounts a block touched are re-read, so a block costs what it changed, plus one pass
 * over the registered validators.
 */
final class SupplyBook {
  private final StakingModule module;
  private final Map<Address, BigInteger> balances = new HashMap<>();
  private BigInteger balanceSum = BigInteger.ZERO;
  private BigInteger supply;

  SupplyBook(StakingModule module, BigInteger genesisSupply) {
    this.module = module;
    this.supply = genesisSupply;
  }

  /** Takes the block's burned fees and slashed stake off the expected supply. */
  void destroy(BigInteger burned, BigInteger slashed) {
    supply = supply.subtract(burned).subtract(slashed);
  }

  /** The expected supply now. */
  BigInteger supply() {
    return supply;
  }

  /**
   * Re-reads {@code touched} in {@code state} and checks the equation there; returns why it fails,
   * if it does.
   */
  Optional<String> check(StateReader state, Collection<Address> touched) {
    for (Address a : touched) {
      if (a.equals(StakingModule.ADDRESS)) {
        continue;
      }
      BigInteger now = state.account(a).balance();
      BigInteger before = balances.getOrDefault(a, BigInteger.ZERO);
      balanceSum = balanceSum.add(now).subtract(before);
      balances.put(a, now);
    }
    StakingReader staking = module.reader(state);
    BigInteger bonded = BigInteger.ZERO;
    BigInteger unbonding = BigInteger.ZERO;
    for (Address v : staking.registry()) {
      bonded = bonded.add(staking.validator(v).map(ValidatorRecord::bonded).orElse(BigInteger.ZERO));
      unbonding = unbonding.add(staking.unbonding(v).total());
    }
    BigInteger held = balanceSum.add(bonded).add(unbonding);
    if (!held.equals(supply)) {
      return Optional.of("supply does not balance: genesis supply - burned - slashed = " + supply
          + ", but balances " + balanceSum + " + bonded " + bonded + " + unbonding " + unbonding
          + " = " + held + " (off by " + held.subtract(supply) + ")");
    }
    BigInteger moduleBalance = staking.moduleBalance();
    if (!moduleBalance.equals(bonded.add(unbonding))) {
      return Optional.of("the staking module holds " + moduleBalance + ", but bonded + unbonding = "
          + bonded.add(unbonding));
    }
    return Optional.empty();
  }
}
