package dev.bulwark.consensus.persistence;

import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.QuorumCertificate;
import dev.bulwark.ledger.chain.TimeoutCertificate;
import dev.bulwark.ledger.types.Hash;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Block-tree storage in memory: for tests and the simulation, where a simulated crash keeps this
 * object as a real crash keeps the node's durable store: {@link #crash} loses the QCs saved since
 * the last sync, exactly what the file store does not promise to keep.
 */
public final class InMemoryBlockTreeStorage implements BlockTreeStorage {
  private final TreeContents contents = new TreeContents();
  private final List<QuorumCertificate> unsynced = new ArrayList<>();
  private int syncs;

  @Override
  public PersistedTree load() {
    flush();
    return contents.snapshot();
  }

  @Override
  public void saveBlock(Block block) {
    if (contents.addBlock(block)) {
      flush();
      syncs++;
    }
  }

  @Override
  public void saveQc(QuorumCertificate qc) {
    if (!unsynced.contains(qc) && !contents.qcs().contains(qc)) {
      unsynced.add(qc);
    }
  }

  @Override
  public void saveTc(TimeoutCertificate tc) {
    if (contents.addTc(tc)) {
      flush();
      syncs++;
    }
  }

  @Override
  public void sync() {
    if (flush()) {
      syncs++;
    }
  }

  private boolean flush() {
    boolean any = !unsynced.isEmpty();
    unsynced.forEach(contents::addQc);
    unsynced.clear();
    return any;
  }

  @Override
  public void prune(long committedNumber, long epoch) {
    Optional<QuorumCertificate> highest =
        Stream.concat(contents.qcs().stream(), unsynced.stream())
            .max(Comparator.comparingLong(QuorumCertificate::epoch)
                .thenComparingLong(QuorumCertificate::round));
    contents.prune(committedNumber, epoch);
    Set<Hash> live = contents.blocks().stream().map(Block::hash).collect(Collectors.toSet());
    unsynced.removeIf(
        qc ->
            qc.epoch() < epoch
                || (!live.contains(qc.blockId()) && !highest.map(qc::equals).orElse(false)));
  }

  /** A crash: what was saved but not yet synced is lost. */
  public void crash() {
    unsynced.clear();
  }

  /** Syncs so far that had something to make durable (what a file store would fsync). */
  public int syncs() {
    return syncs;
  }

  /** Entries held now. */
  public int size() {
    return contents.size();
  }
}
