package dev.bulwark.consensus.sim;

import dev.bulwark.consensus.env.ActionInterpreter;
import dev.bulwark.consensus.env.LedgerCommittedChain;
import dev.bulwark.consensus.message.PeerId;
import dev.bulwark.consensus.persistence.InMemoryBlockTreeStorage;
import dev.bulwark.consensus.port.CommittedChain;
import dev.bulwark.consensus.port.StateComputer;
import dev.bulwark.consensus.round.RoundManager;
import dev.bulwark.consensus.safety.InMemorySafetyStorage;
import dev.bulwark.ledger.mempool.Mempool;
import dev.bulwark.ledger.store.Ledger;
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
  /** The committed chain: an in-memory one, or the real ledger's store. */
  final CommittedChain chain;
  /** The real ledger (kept across a crash, as its disk), or null with the fake one. */
  final Ledger ledger;
  final SplittableRandom random;
  InMemorySafetyStorage storage = new InMemorySafetyStorage();
  InMemoryBlockTreeStorage tree = new InMemoryBlockTreeStorage();
  SimPayloadSource payloads;
  StateComputer computer;
  Mempool mempool;
  RoundManager core;
  ActionInterpreter interpreter;
  boolean up;
  int incarnation;

  SimNode(
      int id,
      SimKeys.Key key,
      Behaviour behaviour,
      long clockOffset,
      boolean honest,
      CommittedChain chain,
      Ledger ledger,
      SplittableRandom random) {
    this.id = id;
    this.key = key;
    this.peer = new PeerId("node-" + id);
    this.behaviour = behaviour;
    this.clockOffset = clockOffset;
    this.honest = honest;
    this.ledger = ledger;
    this.chain = ledger == null ? chain : new LedgerCommittedChain(ledger.chain());
    this.random = random;
  }

  /** The node's clock at simulated time {@code virtualNow}. */
  long clock(long virtualNow) {
    return virtualNow + clockOffset;
  }
}
