package dev.bulwark.genesis.devaccounts;

import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;

/** A development account: its index under the standard mnemonic, address and (public!) private key. */
public record DevAccount(int index, Address address, Bytes privateKey) {
  public DevAccount {
    if (index < 0 || address == null || privateKey == null || privateKey.size() != 32) {
      throw new IllegalArgumentException("a dev account needs an index, an address and a 32-byte key");
    }
  }
}
