package dev.bulwark.consensus.round;

import dev.bulwark.consensus.liveness.TimeoutPolicy;

/**
 * Tunables of the consensus core.
 *
 * @param chainId the chain every signed message names
 * @param epochLength blocks per epoch: the block whose number is a multiple of it ends its epoch
 * @param minBlockIntervalMillis a leader proposes no earlier than this after its parent's timestamp
 *     (default 250 ms), so an idle network makes at most one empty block per interval
 * @param maxClockSkewMillis how far a proposal's timestamp may be ahead of a voter's clock
 * @param timeouts the round timeout policy
 * @param maxBufferedPerPeer future-epoch messages kept per peer until the epoch starts
 * @param maxRoundsAhead how far past the current round votes and timeouts are still collected
 */
public record ConsensusConfig(
    long chainId,
    long epochLength,
    long minBlockIntervalMillis,
    long maxClockSkewMillis,
    TimeoutPolicy timeouts,
    int maxBufferedPerPeer,
    int maxRoundsAhead) {
  public ConsensusConfig {
    if (chainId < 0
        || epochLength < 1
        || minBlockIntervalMillis < 0
        || maxClockSkewMillis < 0
        || timeouts == null
        || maxBufferedPerPeer < 0
        || maxRoundsAhead < 1) {
      throw new IllegalArgumentException("invalid consensus configuration");
    }
  }

  /** Design defaults for chain {@code chainId} with epochs of {@code epochLength} blocks. */
  public static ConsensusConfig defaults(long chainId, long epochLength) {
    return new ConsensusConfig(chainId, epochLength, 250, 500, TimeoutPolicy.DEFAULT, 32, 50);
  }

}
