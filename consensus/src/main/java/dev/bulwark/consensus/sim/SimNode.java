package dev.bulwark.consensus.sim;

import dev.bulwark.consensus.message.PeerId;
import dev.bulwark.consensus.persistence.InMemoryBlockTreeStorage;
import dev.bulwark.consensus.port.InMemoryCommittedChain;
import dev.bulwark.consensus.round.RoundManager;
import dev.bulwark.consensus.safety.InMemorySafetyStorage;
import java.util.SplittableRandom;

/**
 * One simulated node: its key, behaviour and clock offset, what survives a crash (the committed
 * chain, the safety storage and the block-tree storage) and what does not (the consensus core, the
 * mempool, commits its ledger had not made durable).
 */
final class SimNode {
  final int id;
  final SimKeys.Key key;
  final PeerId peer;
  final Behaviour behaviour;
  final long clockOffset;
  final boolean honest;
  final InMemoryCommittedChain chain;
  final SplittableRandom random;
  InMemorySafetyStorage storage = new InMemorySafetyStorage();
  InMemoryBlockTreeStorage tree = new InMemoryBlockTreeStorage();
  SimPayloadSource payloads;
  RoundManager core;
  boolean up;
  int incarnation;

  SimNode(
      int id,
      SimKeys.Key key,
      Behaviour behaviour,
      long clockOffset,
      boolean honest,
      InMemoryCommittedChain chain,
      SplittableRandom random) {
    this.id = id;
    this.key = key;
    this.peer = new PeerId("node-" + id);
    this.behaviour = behaviour;
    this.clockOffset = clockOffset;
    this.honest = honest;
    this.chain = chain;
    this.random = random;
  }

  /** The node's clock at simulated time {@code virtualNow}. */
  long clock(long virtualNow) {
    return virtualNow + clockOffset;
  }
}
