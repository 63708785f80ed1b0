package dev.bulwark.ledger.staking;

import dev.bulwark.ledger.crypto.NodeKey;
import dev.bulwark.ledger.crypto.bls.Bls;
import dev.bulwark.ledger.crypto.bls.BlsPublicKey;
import dev.bulwark.ledger.crypto.bls.BlsSignature;
import dev.bulwark.ledger.execution.ChainParams;
import dev.bulwark.ledger.execution.Log;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import java.math.BigInteger;
import java.util.List;

/**
 * The state-changing staking functions. Each one makes all its checks before its first write, so
 * a revert leaves the state untouched even before the executor rolls it back. The value of the
 * transaction has already been moved to the module account when these run.
 */
final class StakingCalls {
  /** Most unbonding entries one validator may have pending (bounds the work of a fixed-gas call). */
  static final int MAX_UNBONDING_ENTRIES = 64;

  private static final Address MODULE = StakingModule.ADDRESS;

  private final ChainParams params;

  StakingCalls(ChainParams params) {
    this.params = params;
  }

  /** What a successful call returns and logs. */
  record Result(Bytes returnData, List<Log> logs) {
    static Result of(Log log) {
      return new Result(Bytes.EMPTY, List.of(log));
    }
  }

  Result register(StakingWriter w, Address sender, BigInteger value, Bytes blsKeyBytes,
      Bytes popBytes, Bytes nodeKey) throws Revert {
    if (!w.isPermitted(sender)) {
      throw new Revert("not permitted");
    }
    if (w.validator(sender).isPresent()) {
      throw new Revert("already registered");
    }
    BlsPublicKey blsKey = parseBlsKey(blsKeyBytes);
    if (!validProofOfPossession(blsKey, popBytes)) {
      throw new Revert("invalid proof of possession");
    }
    if (!NodeKey.isValidPublicKey(nodeKey)) {
      throw new Revert("invalid node public key");
    }
    if (w.blsKeyOwner(blsKey).isPresent()) {
      throw new Revert("BLS key already registered");
    }
    if (w.nodeKeyOwner(nodeKey).isPresent()) {
      throw new Revert("node key already registered");
    }
    if (value.compareTo(params.minStake()) < 0) {
      throw new Revert("stake below minimum");
    }
    w.register(sender);
    w.putValidator(sender, ValidatorRecord.registered(blsKey, nodeKey, value));
    w.setKeyOwners(sender, blsKey, nodeKey);
    return Result.of(StakingEvent.REGISTERED.log(MODULE, sender, blsKeyBytes, nodeKey, value));
  }

  Result stake(StakingWriter w, Address sender, BigInteger value) throws Revert {
    ValidatorRecord v = registered(w, sender);
    if (!w.isPermitted(sender)) {
      throw new Revert("not permitted");
    }
    if (value.signum() == 0) {
      throw new Revert("zero value");
    }
    BigInteger bonded = v.bonded().add(value);
    w.putValidator(sender, v.withBonded(bonded));
    return Result.of(StakingEvent.STAKED.log(MODULE, sender, value, bonded));
  }

  Result unstake(StakingWriter w, Address sender, long number, BigInteger amount) throws Revert {
    ValidatorRecord v = registered(w, sender);
    if (amount.signum() == 0) {
      throw new Revert("zero amount");
    }
    if (amount.compareTo(v.bonded()) > 0) {
      throw new Revert("amount exceeds bonded stake");
    }
    long release = number + params.unbondingPeriodBlocks();
    Unbonding unbonding = w.unbonding(sender);
    if (unbonding.isFullFor(release, MAX_UNBONDING_ENTRIES)) {
      throw new Revert("too many unbonding entries");
    }
    w.putValidator(sender, v.withBonded(v.bonded().subtract(amount)));
    w.putUnbonding(sender, unbonding.add(amount, release));
    return Result.of(StakingEvent.UNSTAKED.log(MODULE, sender, amount, BigInteger.valueOf(release)));
  }

  Result withdraw(StakingWriter w, Address sender, long number) throws Revert {
    Unbonding unbonding = w.unbonding(sender);
    BigInteger amount = unbonding.maturedAt(number);
    if (amount.signum() == 0) {
      throw new Revert("nothing to withdraw");
    }
    w.putUnbonding(sender, unbonding.lockedAt(number));
    w.payOut(sender, amount);
    return new Result(StakingFunction.WITHDRAW.encodeResult(amount),
        List.of(StakingEvent.WITHDRAWN.log(MODULE, sender, amount)));
  }

  Result unjail(StakingWriter w, Address sender, long number) throws Revert {
    ValidatorRecord v = registered(w, sender);
    if (!v.jailed()) {
      throw new Revert("not jailed");
    }
    if (number < v.jailedUntil()) {
      throw new Revert("jail time not over");
    }
    if (v.bonded().compareTo(params.minStake()) < 0) {
      throw new Revert("bonded stake below minimum");
    }
    w.putValidator(sender, v.unjailed());
    return Result.of(StakingEvent.UNJAILED.log(MODULE, sender));
  }

  Result permit(StakingWriter w, Address sender, Address account) throws Revert {
    requireAdmin(w, sender);
    if (w.isPermitted(account)) {
      throw new Revert("already permitted");
    }
    w.setPermitted(account, true);
    return Result.of(StakingEvent.PERMITTED.log(MODULE, account));
  }

  Result revoke(StakingWriter w, Address sender, Address account) throws Revert {
    requireAdmin(w, sender);
    if (!w.isPermitted(account)) {
      throw new Revert("not permitted");
    }
    w.setPermitted(account, false);
    return Result.of(StakingEvent.REVOKED.log(MODULE, account));
  }

  private static ValidatorRecord registered(StakingReader r, Address sender) throws Revert {
    return r.validator(sender).orElseThrow(() -> new Revert("not registered"));
  }

  private static void requireAdmin(StakingReader r, Address sender) throws Revert {
    if (!r.admin().map(sender::equals).orElse(false)) {
      throw new Revert("not admin");
    }
  }

  private static BlsPublicKey parseBlsKey(Bytes bytes) throws Revert {
    try {
      return BlsPublicKey.fromBytes(bytes);
    } catch (IllegalArgumentException e) {
      throw new Revert("invalid BLS public key");
    }
  }

  private static boolean validProofOfPossession(BlsPublicKey key, Bytes pop) {
    try {
      return Bls.verifyProofOfPossession(key, BlsSignature.fromBytes(pop));
    } catch (IllegalArgumentException e) {
      return false; // not even a G2 point encoding: as invalid as a wrong proof
    }
  }
}
