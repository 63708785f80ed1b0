package dev.bulwark.ledger.staking;

import dev.bulwark.ledger.chain.ValidatorInfo;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.execution.ChainParams;
import dev.bulwark.ledger.types.Address;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which validators form an epoch's set: of the eligible ones, the {@code maxValidators} with the
 * most bonded stake (equal stakes: the lower address wins), listed in ascending address order with
 * voting power = bonded stake.
 */
final class ValidatorSelection {
  private static final Comparator<ValidatorInfo> BY_STAKE_THEN_ADDRESS =
      Comparator.comparing(ValidatorInfo::votingPower).reversed()
          .thenComparing(ValidatorInfo::address);

  private ValidatorSelection() {}

  /**
   * The set of {@code epoch} from the state behind {@code reader}: registered, permitted, not
   * jailed, bonded stake at least {@code minStake} (and above zero). Empty when none qualifies.
   */
  static Optional<ValidatorSet> select(StakingReader reader, ChainParams params, long epoch) {
    List<ValidatorInfo> eligible = new ArrayList<>();
    for (Address a : reader.registry()) {
      Optional<ValidatorRecord> r = reader.validator(a);
      if (r.isEmpty() || !reader.isPermitted(a)) {
        continue;
      }
      ValidatorRecord v = r.get();
      if (!v.jailed() && v.bonded().signum() > 0 && v.bonded().compareTo(params.minStake()) >= 0) {
        eligible.add(new ValidatorInfo(a, v.blsKey(), v.nodeKey(), v.bonded()));
      }
    }
    return eligible.isEmpty()
        ? Optional.empty() : Optional.of(top(eligible, params.maxValidators(), epoch));
  }

  /** The top {@code max} of {@code candidates} by stake, as the set of {@code epoch}. */
  static ValidatorSet top(List<ValidatorInfo> candidates, long max, long epoch) {
    List<ValidatorInfo> chosen = new ArrayList<>(candidates.stream()
        .sorted(BY_STAKE_THEN_ADDRESS).limit(max).toList());
    chosen.sort(Comparator.comparing(ValidatorInfo::address));
    return new ValidatorSet(epoch, chosen);
  }

  /** Addresses and powers of {@code set}, as the set views return them. */
  static List<Object> asAbiValues(ValidatorSet set) {
    List<Address> addresses = set.validators().stream().map(ValidatorInfo::address).toList();
    List<BigInteger> powers = set.validators().stream().map(ValidatorInfo::votingPower).toList();
    return List.of(addresses, powers);
  }
}
