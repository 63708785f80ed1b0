package dev.bulwark.ledger.state;

import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;

/**
 * A state being changed by a block. Snapshots let a failing call be rolled back while its gas
 * payment stays (a reverted staking call is still included, with status 0).
 */
public interface MutableState extends StateReader {
  /** Stores {@code account} (an empty account removes the leaf). */
  void setAccount(Address address, Account account);

  /** Sets a system-module slot; a null value deletes it. */
  void setModuleSlot(Address module, Bytes slot, Bytes value);

  /** An opaque marker of the changes so far. */
  int snapshot();

  /** Undoes every change made after {@code snapshot} was taken. */
  void revertTo(int snapshot);
}
