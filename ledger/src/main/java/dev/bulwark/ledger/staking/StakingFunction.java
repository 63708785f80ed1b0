package dev.bulwark.ledger.staking;

import static dev.bulwark.ledger.staking.AbiType.ADDRESS;
import static dev.bulwark.ledger.staking.AbiType.ADDRESS_ARRAY;
import static dev.bulwark.ledger.staking.AbiType.BOOL;
import static dev.bulwark.ledger.staking.AbiType.BYTES;
import static dev.bulwark.ledger.staking.AbiType.BYTES32;
import static dev.bulwark.ledger.staking.AbiType.UINT256;
import static dev.bulwark.ledger.staking.AbiType.UINT256_ARRAY;

import dev.bulwark.ledger.types.Bytes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The staking module's ABI: every function with its inputs, outputs and mutability. */
public enum StakingFunction {
  /** Registers the sender as a validator, bonding the value sent. */
  REGISTER("register", Mutability.PAYABLE, List.of(BYTES, BYTES, BYTES), List.of()),
  /** Adds the value sent to the sender's bonded stake. */
  STAKE("stake", Mutability.PAYABLE, List.of(), List.of()),
  /** Moves an amount of bonded stake into unbonding. */
  UNSTAKE("unstake", Mutability.NONPAYABLE, List.of(UINT256), List.of()),
  /** Pays out matured unbonding entries; returns the amount paid. */
  WITHDRAW("withdraw", Mutability.NONPAYABLE, List.of(), List.of(UINT256)),
  /** Releases the sender from jail once its jail time is over. */
  UNJAIL("unjail", Mutability.NONPAYABLE, List.of(), List.of()),
  /** Admin only: allows an address to register. */
  PERMIT("permit", Mutability.NONPAYABLE, List.of(ADDRESS), List.of()),
  /** Admin only: withdraws an address's permission. */
  REVOKE("revoke", Mutability.NONPAYABLE, List.of(ADDRESS), List.of()),

  /** Bonded stake of an address. */
  STAKE_OF("stakeOf", Mutability.VIEW, List.of(ADDRESS), List.of(UINT256)),
  /** Everything about one validator. */
  VALIDATOR("validator", Mutability.VIEW, List.of(ADDRESS),
      List.of(BOOL, BOOL, BOOL, UINT256, UINT256, UINT256, BYTES, BYTES)),
  /** The unbonding entries of an address: amounts and the blocks they are releasable at. */
  UNBONDING_OF("unbondingOf", Mutability.VIEW, List.of(ADDRESS), List.of(UINT256_ARRAY, UINT256_ARRAY)),
  /** Whether an address may register. */
  IS_PERMITTED("isPermitted", Mutability.VIEW, List.of(ADDRESS), List.of(BOOL)),
  /** The admin address. */
  ADMIN("admin", Mutability.VIEW, List.of(), List.of(ADDRESS)),
  /** The epoch in progress. */
  CURRENT_EPOCH("currentEpoch", Mutability.VIEW, List.of(), List.of(UINT256)),
  /** The validator set of the epoch in progress. */
  CURRENT_VALIDATORS("currentValidators", Mutability.VIEW, List.of(), List.of(ADDRESS_ARRAY, UINT256_ARRAY)),
  /** The set the next epoch would get if the current epoch ended at this state. */
  NEXT_VALIDATORS("nextValidators", Mutability.VIEW, List.of(), List.of(ADDRESS_ARRAY, UINT256_ARRAY)),
  /** The stored validator set of an epoch (the current one or a retained past one). */
  VALIDATOR_SET("validatorSet", Mutability.VIEW, List.of(UINT256), List.of(ADDRESS_ARRAY, UINT256_ARRAY)),
  /** Every registered validator address, ascending. */
  REGISTERED_VALIDATORS("registeredValidators", Mutability.VIEW, List.of(), List.of(ADDRESS_ARRAY)),
  /** Whether the offence with this evidence id was already slashed. */
  IS_EVIDENCE_APPLIED("isEvidenceApplied", Mutability.VIEW, List.of(BYTES32), List.of(BOOL)),
  /** The inactivity window of a validator: slots it spans and failed slots in it. */
  INACTIVITY_OF("inactivityOf", Mutability.VIEW, List.of(ADDRESS), List.of(UINT256, UINT256));

  /** Whether a function accepts value and whether it changes state. */
  public enum Mutability {
    /** Changes state and accepts value. */
    PAYABLE,
    /** Changes state; value must be zero. */
    NONPAYABLE,
    /** Reads state only; value must be zero. */
    VIEW
  }

  private static final Map<Bytes, StakingFunction> BY_SELECTOR = new HashMap<>();

  static {
    for (StakingFunction f : values()) {
      if (BY_SELECTOR.put(f.selector, f) != null) {
        throw new ExceptionInInitializerError("selector clash at " + f.signature);
      }
    }
  }

  private final Mutability mutability;
  private final List<AbiType> inputs;
  private final List<AbiType> outputs;
  private final String signature;
  private final Bytes selector;

  StakingFunction(String name, Mutability mutability, List<AbiType> inputs, List<AbiType> outputs) {
    this.mutability = mutability;
    this.inputs = inputs;
    this.outputs = outputs;
    this.signature = AbiCodec.signature(name, inputs);
    this.selector = AbiCodec.selector(signature);
  }

  /** The function with {@code selector}, if any. */
  public static Optional<StakingFunction> bySelector(Bytes selector) {
    return Optional.ofNullable(BY_SELECTOR.get(selector));
  }

  /** Canonical signature, e.g. {@code unstake(uint256)}. */
  public String signature() {
    return signature;
  }

  /** The 4-byte selector. */
  public Bytes selector() {
    return selector;
  }

  /** Payable, non-payable or view. */
  public Mutability mutability() {
    return mutability;
  }

  /** Argument types. */
  public List<AbiType> inputs() {
    return inputs;
  }

  /** Return types. */
  public List<AbiType> outputs() {
    return outputs;
  }

  /** Call data for this function with {@code args} (for clients and tests). */
  public Bytes encodeCall(Object... args) {
    return selector.concat(AbiCodec.encode(inputs, List.of(args)));
  }

  /** Encodes this function's return values. */
  public Bytes encodeResult(Object... values) {
    return AbiCodec.encode(outputs, List.of(values));
  }
}
