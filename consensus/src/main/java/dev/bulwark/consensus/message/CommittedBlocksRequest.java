package dev.bulwark.consensus.message;

/** Asks a peer for its committed blocks from number {@code fromNumber} on, with their proofs. */
public record CommittedBlocksRequest(long fromNumber, int maxBlocks) implements ConsensusMessage {
  /** The most blocks one request may ask for. */
  public static final int MAX_BLOCKS = 128;

  public CommittedBlocksRequest {
    if (fromNumber < 1) {
      throw new IllegalArgumentException("committed blocks start at number 1, got " + fromNumber);
    }
    if (maxBlocks < 1 || maxBlocks > MAX_BLOCKS) {
      throw new IllegalArgumentException(
          "maxBlocks must be in [1, " + MAX_BLOCKS + "], got " + maxBlocks);
    }
  }
}
