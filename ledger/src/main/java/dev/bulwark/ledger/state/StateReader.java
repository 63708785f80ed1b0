package dev.bulwark.ledger.state;

import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import java.util.Optional;

/** Read access to one version of the world state. */
public interface StateReader {
  /** The account at {@code address} ({@link Account#EMPTY} when never touched). */
  Account account(Address address);

  /** Slot {@code slot} of the system module at {@code module}, if set. */
  Optional<Bytes> moduleSlot(Address module, Bytes slot);
}
