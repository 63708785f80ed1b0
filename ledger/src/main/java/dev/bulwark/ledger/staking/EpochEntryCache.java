package dev.bulwark.ledger.staking;

import dev.bulwark.ledger.types.Bytes;

/**
 * Remembers the last decoded epoch entry: every block reads its epoch's set, and decoding one
 * re-validates each BLS key (a subgroup check), which is too slow to repeat per block.
 */
final class EpochEntryCache {
  private record Decoded(Bytes encoded, EpochEntry entry) {}

  private volatile Decoded last;

  /** The entry encoded as {@code encoded}, decoded at most once while it stays the same. */
  EpochEntry decode(Bytes encoded) {
    Decoded d = last;
    if (d != null && d.encoded().equals(encoded)) {
      return d.entry();
    }
    EpochEntry entry = StakingCodec.decodeEpochEntry(encoded);
    last = new Decoded(encoded, entry);
    return entry;
  }
}
