package dev.bulwark.ledger.staking;

import static dev.bulwark.ledger.staking.AbiType.ADDRESS;
import static dev.bulwark.ledger.staking.AbiType.ADDRESS_ARRAY;
import static dev.bulwark.ledger.staking.AbiType.BYTES;
import static dev.bulwark.ledger.staking.AbiType.BYTES32;
import static dev.bulwark.ledger.staking.AbiType.UINT256;
import static dev.bulwark.ledger.staking.AbiType.UINT256_ARRAY;
import static dev.bulwark.ledger.staking.AbiType.UINT8;

import dev.bulwark.ledger.execution.Log;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The staking module's events, Solidity style: topic 0 is keccak256 of the signature, the one
 * indexed parameter (declared first) is topic 1, the others are ABI-encoded in the data.
 */
public enum StakingEvent {
  /** {@code Registered(address indexed validator, bytes blsPublicKey, bytes nodePublicKey, uint256 amount)}. */
  REGISTERED("Registered", ADDRESS, BYTES, BYTES, UINT256),
  /** {@code Staked(address indexed validator, uint256 amount, uint256 bonded)}. */
  STAKED("Staked", ADDRESS, UINT256, UINT256),
  /** {@code Unstaked(address indexed validator, uint256 amount, uint256 releaseBlock)}. */
  UNSTAKED("Unstaked", ADDRESS, UINT256, UINT256),
  /** {@code Withdrawn(address indexed validator, uint256 amount)}. */
  WITHDRAWN("Withdrawn", ADDRESS, UINT256),
  /**
   * {@code Slashed(address indexed validator, uint8 reason, uint256 fromBonded, uint256
   * fromUnbonding, bytes32 evidenceId)}; the id is zero for inactivity.
   */
  SLASHED("Slashed", ADDRESS, UINT8, UINT256, UINT256, BYTES32),
  /** {@code Jailed(address indexed validator, uint8 reason, uint256 untilBlock)}. */
  JAILED("Jailed", ADDRESS, UINT8, UINT256),
  /** {@code Unjailed(address indexed validator)}. */
  UNJAILED("Unjailed", ADDRESS),
  /** {@code Permitted(address indexed account)}. */
  PERMITTED("Permitted", ADDRESS),
  /** {@code Revoked(address indexed account)}. */
  REVOKED("Revoked", ADDRESS),
  /** {@code ValidatorSetChanged(uint256 indexed epoch, address[] validators, uint256[] powers)}. */
  VALIDATOR_SET_CHANGED("ValidatorSetChanged", UINT256, ADDRESS_ARRAY, UINT256_ARRAY);

  private final AbiType indexed;
  private final List<AbiType> dataTypes;
  private final String signature;
  private final Hash topic;

  StakingEvent(String name, AbiType indexed, AbiType... data) {
    this.indexed = indexed;
    this.dataTypes = List.of(data);
    List<AbiType> all = new ArrayList<>();
    all.add(indexed);
    all.addAll(dataTypes);
    this.signature = AbiCodec.signature(name, all);
    this.topic = AbiCodec.eventTopic(signature);
  }

  /** Canonical signature, e.g. {@code Withdrawn(address,uint256)}. */
  public String signature() {
    return signature;
  }

  /** Topic 0. */
  public Hash topic() {
    return topic;
  }

  /** Types of the non-indexed parameters, in data order. */
  public List<AbiType> dataTypes() {
    return dataTypes;
  }

  /** A log of this event emitted by {@code module}. */
  public Log log(Address module, Object indexedValue, Object... data) {
    Hash second = switch (indexed) {
      case ADDRESS -> AbiCodec.topic((Address) indexedValue);
      case UINT256 -> AbiCodec.topic((BigInteger) indexedValue);
      default -> throw new IllegalStateException("unsupported indexed type " + indexed);
    };
    return new Log(module, List.of(topic, second), AbiCodec.encode(dataTypes, List.of(data)));
  }
}
