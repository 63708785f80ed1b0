package dev.bulwark.consensus.persistence;

import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.QuorumCertificate;
import dev.bulwark.ledger.chain.TimeoutCertificate;
import dev.bulwark.ledger.types.Hash;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The live entries of a block-tree store and the rules for adding and pruning them, shared by the
 * in-memory store and durable ones (which replay their log into it and compact from it).
 */
public final class TreeContents {
  private static final Comparator<QuorumCertificate> QC_ORDER =
      Comparator.comparingLong(QuorumCertificate::epoch)
          .thenComparingLong(QuorumCertificate::round);

  private final Map<Hash, Block> blocks = new LinkedHashMap<>();
  private final Map<Hash, QuorumCertificate> qcs = new LinkedHashMap<>();
  private Optional<TimeoutCertificate> highestTc = Optional.empty();

  /** Adds {@code block}; false when it was already held. */
  public boolean addBlock(Block block) {
    return blocks.putIfAbsent(block.hash(), block) == null;
  }

  /** Adds {@code qc}; false when a QC for its block was already held. */
  public boolean addQc(QuorumCertificate qc) {
    return qcs.putIfAbsent(qc.blockId(), qc) == null;
  }

  /** Keeps {@code tc} when it is higher than the held one; false when it is not. */
  public boolean addTc(TimeoutCertificate tc) {
    if (highestTc.isPresent() && !higher(tc, highestTc.get())) {
      return false;
    }
    highestTc = Optional.of(tc);
    return true;
  }

  private static boolean higher(TimeoutCertificate a, TimeoutCertificate b) {
    return a.epoch() > b.epoch() || (a.epoch() == b.epoch() && a.round() > b.round());
  }

  /**
   * Drops blocks numbered at or below {@code committedNumber} or of an epoch before {@code epoch},
   * the QCs of dropped blocks (but the highest QC of a live epoch), and an older epoch's TC; true
   * when anything was dropped.
   */
  public boolean prune(long committedNumber, long epoch) {
    int before = size();
    Optional<QuorumCertificate> highest = qcs.values().stream().max(QC_ORDER);
    blocks
        .values()
        .removeIf(b -> b.header().number() <= committedNumber || b.header().epoch() < epoch);
    qcs.values()
        .removeIf(
            qc ->
                qc.epoch() < epoch
                    || (!blocks.containsKey(qc.blockId())
                        && !highest.map(h -> h.equals(qc)).orElse(false)));
    highestTc = highestTc.filter(tc -> tc.epoch() >= epoch);
    return size() != before;
  }

  /** Number of entries held. */
  public int size() {
    return blocks.size() + qcs.size() + (highestTc.isPresent() ? 1 : 0);
  }

  /** The held blocks. */
  public List<Block> blocks() {
    return List.copyOf(blocks.values());
  }

  /** The held QCs. */
  public List<QuorumCertificate> qcs() {
    return List.copyOf(qcs.values());
  }

  /** The held TC. */
  public Optional<TimeoutCertificate> highestTc() {
    return highestTc;
  }

  /** A copy for recovery: blocks by number then round, QCs by epoch then round. */
  public PersistedTree snapshot() {
    List<Block> b = new ArrayList<>(blocks.values());
    b.sort(
        Comparator.comparingLong((Block x) -> x.header().number())
            .thenComparingLong(x -> x.header().round()));
    List<QuorumCertificate> q = new ArrayList<>(qcs.values());
    q.sort(QC_ORDER);
    return new PersistedTree(b, q, highestTc);
  }
}
