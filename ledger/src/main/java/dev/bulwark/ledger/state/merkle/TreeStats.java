package dev.bulwark.ledger.state.merkle;

/**
 * Cumulative counters of a {@link MerkleStateTree}: node lookups, the part that missed the cache
 * and went to the store, and nodes written into batches.
 */
public record TreeStats(long nodeLoads, long storeReads, long nodeWrites) {
  /** The counts accumulated since {@code earlier}. */
  public TreeStats minus(TreeStats earlier) {
    return new TreeStats(nodeLoads - earlier.nodeLoads, storeReads - earlier.storeReads,
        nodeWrites - earlier.nodeWrites);
  }
}
