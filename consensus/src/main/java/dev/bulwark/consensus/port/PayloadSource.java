package dev.bulwark.consensus.port;

import dev.bulwark.ledger.chain.Block;

/**
 * Where a leader gets the body of its next block: transactions from the mempool and the evidence
 * reported so far that is not yet in a committed block. Called synchronously when the leader builds
 * a proposal, so it must answer from memory.
 */
public interface PayloadSource {
  /** The payload for a block on top of {@code parent} in (epoch, round). */
  Payload payload(long epoch, long round, Block parent);
}
