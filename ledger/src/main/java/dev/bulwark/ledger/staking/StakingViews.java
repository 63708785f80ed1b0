package dev.bulwark.ledger.staking;

import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.execution.ChainParams;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/** The read-only staking functions (eth_call), each returning its ABI-encoded result. */
final class StakingViews {
  private static final BigInteger MAX_EPOCH = BigInteger.valueOf(Long.MAX_VALUE);

  private final ChainParams params;

  StakingViews(ChainParams params) {
    this.params = params;
  }

  /** Runs view {@code f} with decoded {@code args} against {@code r}. */
  Bytes run(StakingFunction f, List<Object> args, StakingReader r) throws Revert {
    return switch (f) {
      case STAKE_OF -> f.encodeResult(r.validator(address(args)).map(ValidatorRecord::bonded)
          .orElse(BigInteger.ZERO));
      case VALIDATOR -> validator(r, address(args));
      case UNBONDING_OF -> unbonding(r, address(args));
      case IS_PERMITTED -> f.encodeResult(r.isPermitted(address(args)));
      case ADMIN -> f.encodeResult(r.admin().orElseThrow(() -> new Revert("no admin")));
      case CURRENT_EPOCH -> f.encodeResult(BigInteger.valueOf(r.epochs().current()));
      case CURRENT_VALIDATORS -> encodeSet(f, r.currentEpoch().set());
      case NEXT_VALIDATORS -> encodeSet(f, nextSet(r));
      case VALIDATOR_SET -> encodeSet(f, storedSet(r, (BigInteger) args.get(0)));
      case REGISTERED_VALIDATORS -> f.encodeResult(r.registry());
      case IS_EVIDENCE_APPLIED -> f.encodeResult(r.isEvidenceApplied((Hash) args.get(0)));
      case INACTIVITY_OF -> inactivity(r, address(args));
      default -> throw new IllegalArgumentException(f + " is not a view");
    };
  }

  /** The set the next epoch would get if the epoch in progress ended at this state. */
  ValidatorSet nextSet(StakingReader r) {
    long next = r.epochs().current() + 1;
    return ValidatorSelection.select(r, params, next)
        .orElseGet(() -> new ValidatorSet(next, r.currentEpoch().set().validators()));
  }

  private static Bytes validator(StakingReader r, Address a) {
    Optional<ValidatorRecord> v = r.validator(a);
    BigInteger unbonding = r.unbonding(a).total();
    return StakingFunction.VALIDATOR.encodeResult(
        v.isPresent(),
        r.isPermitted(a),
        v.map(ValidatorRecord::jailed).orElse(false),
        BigInteger.valueOf(v.map(ValidatorRecord::jailedUntil).orElse(0L)),
        v.map(ValidatorRecord::bonded).orElse(BigInteger.ZERO),
        unbonding,
        v.map(x -> x.blsKey().toBytes()).orElse(Bytes.EMPTY),
        v.map(ValidatorRecord::nodeKey).orElse(Bytes.EMPTY));
  }

  private static Bytes unbonding(StakingReader r, Address a) {
    List<UnbondingEntry> entries = r.unbonding(a).entries();
    return StakingFunction.UNBONDING_OF.encodeResult(
        entries.stream().map(UnbondingEntry::amount).toList(),
        entries.stream().map(e -> BigInteger.valueOf(e.releaseBlock())).toList());
  }

  private static Bytes inactivity(StakingReader r, Address a) {
    InactivityWindow w = r.inactivity(a);
    return StakingFunction.INACTIVITY_OF.encodeResult(
        BigInteger.valueOf(w.length()), BigInteger.valueOf(w.failures()));
  }

  private static ValidatorSet storedSet(StakingReader r, BigInteger epoch) throws Revert {
    if (epoch.compareTo(MAX_EPOCH) > 0) {
      throw new Revert("unknown epoch");
    }
    return r.epoch(epoch.longValueExact()).map(EpochEntry::set)
        .orElseThrow(() -> new Revert("unknown epoch"));
  }

  private static Bytes encodeSet(StakingFunction f, ValidatorSet set) {
    List<Object> values = ValidatorSelection.asAbiValues(set);
    return f.encodeResult(values.get(0), values.get(1));
  }

  private static Address address(List<Object> args) {
    return (Address) args.get(0);
  }
}
