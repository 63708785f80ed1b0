package dev.bulwark.ledger.staking;

import dev.bulwark.ledger.codec.DecodeException;
import dev.bulwark.ledger.state.StateKeys;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;

/**
 * Where an epoch's validator set lives in the state tree, for proofs: the block that ends epoch e
 * stores set e+1 in this slot, so a Merkle proof of the slot under that block's state root binds
 * the next set to a block the previous set finalised (the offline epoch-change check).
 */
public final class EpochSetSlot {
  private EpochSetSlot() {}

  /** The state-tree key of the stored set of {@code epoch}. */
  public static Hash stateKey(long epoch) {
    return StateKeys.moduleSlot(StakingModule.ADDRESS, StakingSlots.epochSet(epoch));
  }

  /** Decodes the slot's value; DecodeException when malformed. */
  public static EpochEntry decode(Bytes value) {
    try {
      return StakingCodec.decodeEpochEntry(value);
    } catch (IllegalArgumentException e) {
      throw new DecodeException("epoch entry: " + e.getMessage(), e);
    }
  }
}
