package dev.bulwark.ledger.state.merkle;

/**
 * Cumulative counters of a {@link MerkleStateTree}: node lookups, the part that missed the cache
 * and went to the store, nodes written into batches, and the SHA-256 compressions (64-byte
 * blocks) that hashing those written nodes took: the part of an update's cost no cache removes.
 */
public record TreeStats(long nodeLoads, long storeReads, long nodeWrites, long hashBlocks) {
  /** The counts accumulated since {@code earlier}. */
  public TreeStats minus(TreeStats earlier) {
    return new TreeStats(nodeLoads - earlier.nodeLoads, storeReads - earlier.storeReads,
        nodeWrites - earlier.nodeWrites, hashBlocks - earlier.hashBlocks);
  }
}
