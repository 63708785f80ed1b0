package dev.bulwark.ledger.staking;

import dev.bulwark.ledger.crypto.bls.BlsPublicKey;
import dev.bulwark.ledger.state.Account;
import dev.bulwark.ledger.state.MutableState;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Typed writes to the staking module's state; empty values delete their slot. */
final class StakingWriter extends StakingReader {
  private static final Bytes PRESENT = Bytes.of((byte) 1);
  private final MutableState state;

  StakingWriter(MutableState state, EpochEntryCache cache) {
    super(state, cache);
    this.state = state;
  }

  void setAdmin(Address admin) {
    put(StakingSlots.ADMIN, admin.bytes());
  }

  /** Adds {@code address} to the registry (kept ascending). */
  void register(Address address) {
    List<Address> all = new ArrayList<>(registry());
    int at = Collections.binarySearch(all, address);
    if (at < 0) {
      all.add(-at - 1, address);
      put(StakingSlots.REGISTRY, StakingCodec.encodeAddresses(all));
    }
  }

  void putValidator(Address address, ValidatorRecord record) {
    put(StakingSlots.validator(address), StakingCodec.encode(record));
  }

  void putUnbonding(Address address, Unbonding unbonding) {
    put(StakingSlots.unbonding(address),
        unbonding.size() == 0 ? null : StakingCodec.encode(unbonding));
  }

  void setPermitted(Address address, boolean permitted) {
    put(StakingSlots.permitted(address), permitted ? PRESENT : null);
  }

  void setKeyOwners(Address owner, BlsPublicKey blsKey, Bytes nodeKey) {
    put(StakingSlots.blsKeyOwner(blsKey), owner.bytes());
    put(StakingSlots.nodeKeyOwner(nodeKey), owner.bytes());
  }

  /** Marks an offence slashed; the value is the block number that applied it. */
  void markEvidence(Hash id, long blockNumber) {
    put(StakingSlots.appliedEvidence(id),
        Bytes.of(ByteBuffer.allocate(Long.BYTES).putLong(blockNumber).array()));
  }

  void putEpoch(EpochEntry entry) {
    put(StakingSlots.epochSet(entry.epoch()), StakingCodec.encode(entry));
  }

  void deleteEpoch(long epoch) {
    put(StakingSlots.epochSet(epoch), null);
  }

  void setEpochs(EpochPointer pointer) {
    put(StakingSlots.EPOCHS, StakingCodec.encode(pointer));
  }

  void putInactivity(Address address, InactivityWindow window) {
    put(StakingSlots.inactivity(address), window.isEmpty() ? null : StakingCodec.encode(window));
  }

  /** Adds {@code delta} (negative to burn or pay out) to the module account's balance. */
  void adjustModuleBalance(BigInteger delta) {
    adjust(StakingModule.ADDRESS, delta);
  }

  /** Moves {@code amount} from the module account to {@code to}. */
  void payOut(Address to, BigInteger amount) {
    adjust(StakingModule.ADDRESS, amount.negate());
    adjust(to, amount);
  }

  private void adjust(Address address, BigInteger delta) {
    Account a = state.account(address);
    state.setAccount(address, a.withBalanceDelta(delta));
  }

  private void put(Bytes slot, Bytes value) {
    state.setModuleSlot(StakingModule.ADDRESS, slot, value);
  }
}
