package dev.bulwark.consensus.message;

import dev.bulwark.ledger.types.Hash;

/** Asks a peer for block {@code blockId} and up to {@code count - 1} of its ancestors. */
public record BlockRetrievalRequest(Hash blockId, int count) implements ConsensusMessage {
  /** The most blocks one request may ask for. */
  public static final int MAX_COUNT = 64;

  public BlockRetrievalRequest {
    Checks.present(blockId, "block id");
    if (count < 1 || count > MAX_COUNT) {
      throw new IllegalArgumentException("count must be in [1, " + MAX_COUNT + "], got " + count);
    }
  }
}
