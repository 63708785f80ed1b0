package dev.bulwark.genesis.model;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Whole-file rules of a genesis. They accept partly parsed data (nulls for values that failed to
 * parse) so that the loader can report every problem at once; {@link Genesis} applies them too.
 */
public final class GenesisRules {
  /** Largest chain id: 2^32 - 1, which wallets handle in EIP-155 v values. */
  public static final long MAX_CHAIN_ID = 4_294_967_295L;
  /** The chain id the generator writes unless told otherwise (the usual local-devnet id). */
  public static final long DEFAULT_CHAIN_ID = 1337;

  private GenesisRules() {}

  /** Why {@code chainId} is not allowed, or null. */
  public static String chainIdProblem(long chainId) {
    return chainId < 1 || chainId > MAX_CHAIN_ID ? "must be between 1 and " + MAX_CHAIN_ID : null;
  }

  /** Why {@code genesisTime} (unix seconds) is not allowed, or null. */
  public static String genesisTimeProblem(long genesisTime) {
    return genesisTime < 0 || genesisTime > ParamSpec.Limits.MAX_SAFE_INTEGER
        ? "must be between 0 and " + ParamSpec.Limits.MAX_SAFE_INTEGER + " (unix seconds)"
        : null;
  }

  /**
   * One problem per validator whose {@code field} repeats an earlier validator's, e.g.
   * {@code validators[2].blsPublicKey: duplicate of validators[0].blsPublicKey}.
   */
  public static <T> List<Problem> duplicates(
      List<ValidatorDraft> validators, String field, Function<ValidatorDraft, T> value) {
    List<Problem> problems = new ArrayList<>();
    Map<T, Integer> firstIndex = new HashMap<>();
    for (int i = 0; i < validators.size(); i++) {
      T v = value.apply(validators.get(i));
      if (v == null) {
        continue;
      }
      Integer first = firstIndex.putIfAbsent(v, i);
      if (first != null) {
        problems.add(new Problem(validatorPath(i, field),
            "duplicate of " + validatorPath(first, field)));
      }
    }
    return problems;
  }

  /** Every rule on the validator list: non-empty, no duplicates, stakes against minStake and in total. */
  public static List<Problem> validatorProblems(
      List<ValidatorDraft> validators, BigInteger minStake) {
    List<Problem> problems = new ArrayList<>();
    if (validators.isEmpty()) {
      problems.add(new Problem("validators", "must list at least one validator (total stake is zero)"));
      return problems;
    }
    problems.addAll(duplicates(validators, "address", ValidatorDraft::address));
    problems.addAll(duplicates(validators, "blsPublicKey", ValidatorDraft::blsPublicKey));
    problems.addAll(duplicates(validators, "nodePublicKey", ValidatorDraft::nodePublicKey));
    problems.addAll(duplicates(validators, "p2pEndpoint", ValidatorDraft::p2pEndpoint));
    BigInteger total = BigInteger.ZERO;
    boolean allStakesKnown = true;
    for (int i = 0; i < validators.size(); i++) {
      BigInteger stake = validators.get(i).stake();
      if (stake == null || stake.signum() <= 0) {
        allStakesKnown &= stake != null;
        continue;
      }
      total = total.add(stake);
      if (minStake != null && stake.compareTo(minStake) < 0) {
        problems.add(new Problem(validatorPath(i, "stake"),
            "below params.minStake (" + minStake + ")"));
      }
    }
    if (allStakesKnown && total.signum() == 0) {
      problems.add(new Problem("validators", "total stake is zero"));
    } else if (total.compareTo(Amounts.MAX_UINT256) > 0) {
      problems.add(new Problem("validators", "total stake exceeds the uint256 range"));
    }
    return problems;
  }

  /** A problem when all balances plus all stakes exceed uint256 (the supply must be representable). */
  public static List<Problem> supplyProblems(List<BigInteger> balances, List<BigInteger> stakes) {
    BigInteger supply = BigInteger.ZERO;
    for (BigInteger b : balances) {
      supply = supply.add(b == null ? BigInteger.ZERO : b);
    }
    for (BigInteger s : stakes) {
      supply = supply.add(s == null ? BigInteger.ZERO : s);
    }
    return supply.compareTo(Amounts.MAX_UINT256) > 0
        ? List.of(new Problem("alloc", "balances plus stakes exceed the uint256 range"))
        : List.of();
  }

  /** {@code validators[i].field}. */
  public static String validatorPath(int index, String field) {
    return "validators[" + index + "]." + field;
  }
}
