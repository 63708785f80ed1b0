package dev.bulwark.ledger.tx;

import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Hash;
import java.util.List;

/** One EIP-2930 access list item: an address and the storage keys it pre-declares. */
public record AccessListEntry(Address address, List<Hash> storageKeys) {
  public AccessListEntry {
    if (address == null) {
      throw new IllegalArgumentException("access list address is null");
    }
    storageKeys = List.copyOf(storageKeys);
  }
}
