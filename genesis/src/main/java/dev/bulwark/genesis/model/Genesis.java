package dev.bulwark.genesis.model;

import dev.bulwark.ledger.execution.ChainParams;
import dev.bulwark.ledger.execution.GenesisSpec;
import dev.bulwark.ledger.types.Address;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated genesis: chain id, start time (unix seconds), parameters, the initial validators
 * in file order (consensus sorts its own set by address) and the funded accounts.
 */
public record Genesis(
    long chainId,
    long genesisTime,
    GenesisParams params,
    List<GenesisValidator> validators,
    Map<Address, AllocAccount> alloc) {

  public Genesis {
    if (params == null || validators == null || alloc == null) {
      throw new IllegalArgumentException("genesis needs params, validators and alloc");
    }
    validators = List.copyOf(validators);
    alloc = Collections.unmodifiableMap(new LinkedHashMap<>(alloc));
    List<Problem> problems = new ArrayList<>();
    addIfPresent(problems, "chainId", GenesisRules.chainIdProblem(chainId));
    addIfPresent(problems, "genesisTime", GenesisRules.genesisTimeProblem(genesisTime));
    List<ValidatorDraft> drafts = validators.stream().map(ValidatorDraft::of).toList();
    problems.addAll(GenesisRules.validatorProblems(drafts, params.minStake()));
    problems.addAll(GenesisRules.supplyProblems(
        alloc.values().stream().map(AllocAccount::balance).toList(),
        validators.stream().map(GenesisValidator::stake).toList()));
    InvalidGenesisException.throwIfAny(problems);
  }

  /** Sum of the validators' stakes. */
  public BigInteger totalStake() {
    return validators.stream().map(GenesisValidator::stake).reduce(BigInteger.ZERO, BigInteger::add);
  }

  /** The chain rules of this genesis, as the ledger takes them. */
  public ChainParams chainParams() {
    GenesisParams p = params;
    return new ChainParams(chainId, p.epochLengthBlocks(), p.maxValidators(), p.minStake(),
        p.unbondingPeriodBlocks(), p.jailDurationBlocks(), p.equivocationSlashBps(),
        p.maxEvidenceAgeBlocks(), p.inactivityWindowSlots(), p.inactivityThresholdSlots(),
        p.inactivitySlashBps(), p.blockGasLimit(), p.minBaseFeePerGas(), p.stakingCallGas(),
        p.admin());
  }

  /** What the ledger needs to build block 0 and its state from this genesis. */
  public GenesisSpec toSpec() {
    Map<Address, BigInteger> balances = new LinkedHashMap<>();
    alloc.forEach((address, account) -> balances.put(address, account.balance()));
    List<GenesisSpec.Validator> specValidators = validators.stream()
        .map(v -> new GenesisSpec.Validator(v.address(), v.blsPublicKey(), v.nodePublicKey(), v.stake()))
        .toList();
    return new GenesisSpec(chainParams(), genesisTime, balances, specValidators);
  }

  private static void addIfPresent(List<Problem> problems, String path, String reason) {
    if (reason != null) {
      problems.add(new Problem(path, reason));
    }
  }
}
