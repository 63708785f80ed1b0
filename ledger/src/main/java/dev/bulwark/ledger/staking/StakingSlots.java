package dev.bulwark.ledger.staking;

import dev.bulwark.ledger.crypto.bls.BlsPublicKey;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.nio.ByteBuffer;

/**
 * The module-slot keys of the staking module: a one-byte tag, then the record's key. The layout
 * is part of the state root, so it never changes without a chain upgrade (ledger/STAKING.md).
 */
final class StakingSlots {
  static final Bytes ADMIN = Bytes.of((byte) 0x01);
  static final Bytes REGISTRY = Bytes.of((byte) 0x02);
  static final Bytes EPOCHS = Bytes.of((byte) 0x03);

  private static final byte VALIDATOR = 0x10;
  private static final byte UNBONDING = 0x11;
  private static final byte PERMITTED = 0x12;
  private static final byte INACTIVITY = 0x13;
  private static final byte BLS_KEY_OWNER = 0x20;
  private static final byte NODE_KEY_OWNER = 0x21;
  private static final byte APPLIED_EVIDENCE = 0x30;
  private static final byte EPOCH_SET = 0x40;

  private StakingSlots() {}

  static Bytes validator(Address a) {
    return tagged(VALIDATOR, a.bytes());
  }

  static Bytes unbonding(Address a) {
    return tagged(UNBONDING, a.bytes());
  }

  static Bytes permitted(Address a) {
    return tagged(PERMITTED, a.bytes());
  }

  static Bytes inactivity(Address a) {
    return tagged(INACTIVITY, a.bytes());
  }

  static Bytes blsKeyOwner(BlsPublicKey key) {
    return tagged(BLS_KEY_OWNER, key.toBytes());
  }

  static Bytes nodeKeyOwner(Bytes nodeKey) {
    return tagged(NODE_KEY_OWNER, nodeKey);
  }

  static Bytes appliedEvidence(Hash id) {
    return tagged(APPLIED_EVIDENCE, id.bytes());
  }

  static Bytes epochSet(long epoch) {
    return tagged(EPOCH_SET, Bytes.of(ByteBuffer.allocate(Long.BYTES).putLong(epoch).array()));
  }

  private static Bytes tagged(byte tag, Bytes key) {
    return Bytes.of(tag).concat(key);
  }
}
