package dev.bulwark.ledger.staking;

import dev.bulwark.ledger.codec.DecodeException;
import dev.bulwark.ledger.crypto.bls.BlsPublicKey;
import dev.bulwark.ledger.state.StateReader;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Typed read access to the staking module's state (for the module itself, and for RPC and
 * explorers, which read committed state). A slot that does not decode means corrupted state and
 * throws IllegalStateException.
 */
public class StakingReader {
  private final StateReader state;
  private final EpochEntryCache cache;

  /** A reader over {@code state}. */
  public StakingReader(StateReader state) {
    this(state, new EpochEntryCache());
  }

  StakingReader(StateReader state, EpochEntryCache cache) {
    this.state = state;
    this.cache = cache;
  }

  /** The admin (written at genesis). */
  public Optional<Address> admin() {
    return slot(StakingSlots.ADMIN, "admin", Address::new);
  }

  /** Every registered validator, ascending by address. */
  public List<Address> registry() {
    return slot(StakingSlots.REGISTRY, "registry", StakingCodec::decodeAddresses).orElse(List.of());
  }

  /** The record of a registered validator. */
  public Optional<ValidatorRecord> validator(Address address) {
    return slot(StakingSlots.validator(address), "validator " + address, StakingCodec::decodeValidator);
  }

  /** The unbonding entries of {@code address}. */
  public Unbonding unbonding(Address address) {
    return slot(StakingSlots.unbonding(address), "unbonding " + address, StakingCodec::decodeUnbonding)
        .orElse(Unbonding.NONE);
  }

  /** True when {@code address} may register (and, once registered, be selected). */
  public boolean isPermitted(Address address) {
    return raw(StakingSlots.permitted(address)).isPresent();
  }

  /** The validator that registered BLS key {@code key}. */
  public Optional<Address> blsKeyOwner(BlsPublicKey key) {
    return slot(StakingSlots.blsKeyOwner(key), "BLS key owner", Address::new);
  }

  /** The validator that registered node key {@code nodeKey}. */
  public Optional<Address> nodeKeyOwner(Bytes nodeKey) {
    return slot(StakingSlots.nodeKeyOwner(nodeKey), "node key owner", Address::new);
  }

  /** True when the offence with evidence id {@code id} was already slashed. */
  public boolean isEvidenceApplied(Hash id) {
    return raw(StakingSlots.appliedEvidence(id)).isPresent();
  }

  /** The number of the block that applied the offence {@code id}, if it was slashed. */
  public OptionalLong evidenceAppliedAt(Hash id) {
    Optional<Bytes> raw = raw(StakingSlots.appliedEvidence(id));
    if (raw.isEmpty()) {
      return OptionalLong.empty();
    }
    if (raw.get().size() != Long.BYTES) {
      throw new IllegalStateException("corrupt staking state: applied evidence " + id);
    }
    return OptionalLong.of(java.nio.ByteBuffer.wrap(raw.get().toArray()).getLong());
  }

  /** The epoch in progress and the oldest retained one; IllegalStateException before genesis. */
  public EpochPointer epochs() {
    return slot(StakingSlots.EPOCHS, "epoch pointer", StakingCodec::decodePointer)
        .orElseThrow(() -> new IllegalStateException("staking module has no genesis state"));
  }

  /** The stored set and start block of {@code epoch}, if retained. */
  public Optional<EpochEntry> epoch(long epoch) {
    return slot(StakingSlots.epochSet(epoch), "epoch " + epoch, cache::decode);
  }

  /** The entry of the epoch in progress. */
  public EpochEntry currentEpoch() {
    long current = epochs().current();
    return epoch(current).orElseThrow(
        () -> new IllegalStateException("no validator set stored for current epoch " + current));
  }

  /** The inactivity window of {@code address}. */
  public InactivityWindow inactivity(Address address) {
    return slot(StakingSlots.inactivity(address), "inactivity " + address, StakingCodec::decodeWindow)
        .orElse(InactivityWindow.EMPTY);
  }

  /** Balance of the module account: all bonded plus all unbonding stake. */
  public BigInteger moduleBalance() {
    return state.account(StakingModule.ADDRESS).balance();
  }

  Optional<Bytes> raw(Bytes slot) {
    return state.moduleSlot(StakingModule.ADDRESS, slot);
  }

  private <T> Optional<T> slot(Bytes slot, String what, Function<Bytes, T> decoder) {
    Optional<Bytes> raw = raw(slot);
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(decoder.apply(raw.get()));
    } catch (DecodeException | IllegalArgumentException e) {
      throw new IllegalStateException("corrupt staking state: " + what + ": " + e.getMessage(), e);
    }
  }
}
