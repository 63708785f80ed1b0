package dev.bulwark.ledger.state;

import dev.bulwark.ledger.crypto.Keccak;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;

/**
 * The key layout of the state tree. Every key is a keccak hash of a tagged preimage, so keys of
 * different kinds (accounts, system-module slots) can never collide and the tree stays balanced.
 */
public final class StateKeys {
  private static final byte ACCOUNT = 0x00;
  private static final byte MODULE_SLOT = 0x01;

  private StateKeys() {}

  /** The tree key of an account. */
  public static Hash account(Address address) {
    byte[] pre = new byte[1 + Address.SIZE];
    pre[0] = ACCOUNT;
    address.bytes().copyTo(pre, 1);
    return Keccak.hash(pre);
  }

  /** The tree key of slot {@code slot} of the system module at {@code module}. */
  public static Hash moduleSlot(Address module, Bytes slot) {
    byte[] pre = new byte[1 + Address.SIZE + slot.size()];
    pre[0] = MODULE_SLOT;
    module.bytes().copyTo(pre, 1);
    slot.copyTo(pre, 1 + Address.SIZE);
    return Keccak.hash(pre);
  }
}
