package dev.bulwark.consensus.sim;

import dev.bulwark.consensus.env.PendingEvidence;
import dev.bulwark.consensus.port.Payload;
import dev.bulwark.consensus.port.PayloadSource;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.Evidence;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A node's mempool and evidence pool in the simulation: a few random "transactions" per block
 * (opaque bytes; the fake ledger only hashes them) and the evidence the node reported that no
 * committed block includes yet (also the evidence pool of a real-ledger node, whose transactions
 * come from its mempool).
 */
final class SimPayloadSource implements PayloadSource, PendingEvidence {
  private static final int MAX_EVIDENCE_PER_BLOCK = 4;

  private final SplittableRandom random;
  private final Map<Hash, Evidence> pending = new LinkedHashMap<>();
  private final Set<Hash> included = new HashSet<>();

  SimPayloadSource(SplittableRandom random) {
    this.random = random;
  }

  /** Evidence the node reported: include it in a coming block. */
  void report(Evidence e) {
    if (!included.contains(e.id())) {
      pending.putIfAbsent(e.id(), e);
    }
  }

  /** Blocks the node committed: their evidence needs no further inclusion. */
  @Override
  public void committed(List<Block> blocks) {
    for (Block b : blocks) {
      for (Evidence e : b.evidence()) {
        included.add(e.id());
        pending.remove(e.id());
      }
    }
  }

  @Override
  public List<Evidence> pending(int max) {
    return pending.values().stream().limit(max).toList();
  }

  @Override
  public void drop(Evidence e) {
    pending.remove(e.id());
  }

  @Override
  public Payload payload(long epoch, long round, Block parent) {
    List<Bytes> txs = new ArrayList<>();
    int count = random.nextInt(4);
    for (int i = 0; i < count; i++) {
      byte[] tx = new byte[40];
      random.nextBytes(tx);
      txs.add(Bytes.of(tx));
    }
    List<Evidence> evidence = new ArrayList<>();
    for (Evidence e : pending.values()) {
      if (evidence.size() == MAX_EVIDENCE_PER_BLOCK) {
        break;
      }
      evidence.add(e);
    }
    return new Payload(txs, evidence);
  }
}
