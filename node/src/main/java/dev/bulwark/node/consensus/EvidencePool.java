package dev.bulwark.node.consensus;

import dev.bulwark.consensus.env.PendingEvidence;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.Evidence;
import dev.bulwark.ledger.types.Hash;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Equivocation proofs found locally or gossiped, until a committed block carries them. Bounded:
 * a flood of distinct proofs cannot grow it beyond {@link #MAX_PENDING}. Thread-safe.
 */
public final class EvidencePool implements PendingEvidence {
  /** Most proofs kept; more are refused until commits make room. */
  public static final int MAX_PENDING = 1024;

  private final Map<Hash, Evidence> pending = new ConcurrentHashMap<>();

  /** Adds {@code evidence} (one per offence slot); false when already known or the pool is full. */
  public boolean add(Evidence evidence) {
    if (pending.size() >= MAX_PENDING) {
      return false;
    }
    return pending.putIfAbsent(evidence.id(), evidence) == null;
  }

  /** Up to {@code max} pending proofs, for a block. */
  @Override
  public List<Evidence> pending(int max) {
    return pending.values().stream().limit(max).toList();
  }

  /** Forgets the proofs that {@code committed} blocks carry. */
  @Override
  public void committed(List<Block> committed) {
    for (Block b : committed) {
      b.evidence().forEach(e -> pending.remove(e.id()));
    }
  }

  /** Forgets a proof the ledger no longer accepts (too old, already applied). */
  @Override
  public void drop(Evidence evidence) {
    pending.remove(evidence.id());
  }

  /** Number of pending proofs. */
  public int size() {
    return pending.size();
  }
}
