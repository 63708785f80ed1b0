package dev.bulwark.consensus.round;

import dev.bulwark.consensus.persistence.BlockTreeStorage;
import dev.bulwark.consensus.persistence.PersistedTree;
import dev.bulwark.consensus.port.CommittedChain;
import dev.bulwark.consensus.port.EpochProvider;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.QuorumCertificate;
import dev.bulwark.ledger.chain.TimeoutCertificate;
import dev.bulwark.ledger.chain.ValidatorSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start and restart (after Aptos' {@code RecoveryData}): the committed chain gives the root and the
 * epoch, and the block-tree storage gives back the uncommitted blocks that extend the root, the QCs
 * known for them and the highest TC, so the pacemaker resumes at max(hqc, htc) + 1. Without them a
 * cluster that restarted as a whole would hold a highest QC below the one-chain round every node
 * persisted in its safety data, and no node could time out, vote or propose again.
 */
final class Recovery {
  private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

  /** Where consensus starts: the epoch's set, the committed root, its round and its QC. */
  record StartPoint(
      ValidatorSet set, Block root, long rootRound, Optional<QuorumCertificate> rootQc) {}

  private final RoundHost host;
  private final ConsensusConfig config;
  private final EpochProvider epochs;
  private final CommittedChain chain;
  private final BlockTreeStorage storage;

  Recovery(
      RoundHost host,
      ConsensusConfig config,
      EpochProvider epochs,
      CommittedChain chain,
      BlockTreeStorage storage) {
    this.host = host;
    this.config = config;
    this.epochs = epochs;
    this.chain = chain;
    this.storage = storage;
  }

  /** The start point read from the committed chain. */
  StartPoint startPoint() {
    Block root = chain.lastBlock();
    long number = root.header().number();
    boolean epochRoot = number % config.epochLength() == 0;
    // Block k·N (genesis included, k = 0) ends epoch k; epoch k + 1 starts on it.
    long epoch = root.header().epoch() + (epochRoot ? 1 : 0);
    ValidatorSet set =
        epochs
            .validatorSet(epoch)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "committed state names no validator set for epoch " + epoch));
    if (epochRoot) {
      return new StartPoint(
          set, root, 0, Optional.of(QuorumCertificate.genesis(config.chainId(), set, root.hash())));
    }
    return new StartPoint(set, root, root.header().round(), storedRootQc(root, epoch));
  }

  /**
   * The QC certifying the committed root, when the commit of the root's parent stored it (the usual
   * one-block commit: the parent's commit proof is a QC on the root).
   */
  private Optional<QuorumCertificate> storedRootQc(Block root, long epoch) {
    return chain
        .finality(root.header().number() - 1)
        .map(f -> f.proof().qc())
        .filter(qc -> qc.blockId().equals(root.hash()) && qc.epoch() == epoch);
  }

  /**
   * Re-inserts the persisted blocks that extend the root (executing them again), then their QCs
   * in round order (which re-commits what the ledger had not made durable before the crash), then
   * the highest TC. Certificates are verified again: the store is local, but a validator should
   * not move its rounds on anything it cannot check. Blocks of dead forks are left to pruning.
   */
  void restoreTree() {
    EpochState s = host.state();
    long rootNumber = s.tree.root().header().number();
    storage.prune(rootNumber, s.epoch);
    PersistedTree saved = storage.load();
    List<QuorumCertificate> qcs = new ArrayList<>(saved.qcs());
    int blocks = 0;
    for (Block b : saved.blocks()) {
      if (b.header().epoch() != s.epoch
          || b.header().number() <= rootNumber
          || s.tree.contains(b.hash())
          || !s.tree.contains(b.header().parentHash())) {
        continue;
      }
      try {
        host.insertBlock(b);
        blocks++;
        b.header().parentQc().ifPresent(qcs::add);
      } catch (InvalidMessageException e) {
        LOG.warn("stored block {} does not fit the tree, skipped: {}", b.hash(), e.getMessage());
      }
    }
    qcs.sort(Comparator.comparingLong(QuorumCertificate::round));
    for (QuorumCertificate qc : qcs) {
      if (!stillIn(s)) {
        return;
      }
      if (qc.epoch() == s.epoch
          && s.tree.contains(qc.blockId())
          && s.tree.qcFor(qc.blockId()).isEmpty()) {
        try {
          s.verifier.checkQc(qc);
          host.processQc(qc);
        } catch (InvalidMessageException e) {
          LOG.warn("a stored QC for {} is skipped: {}", qc.blockId(), e.getMessage());
        }
      }
    }
    Optional<TimeoutCertificate> tc = saved.highestTc().filter(t -> t.epoch() == s.epoch);
    if (tc.isPresent() && stillIn(s)) {
      try {
        s.verifier.checkTc(tc.get());
        host.processTc(tc.get());
      } catch (InvalidMessageException e) {
        LOG.warn("the stored TC of round {} is skipped: {}", tc.get().round(), e.getMessage());
      }
    }
    LOG.debug(
        "restored {} uncommitted blocks above {}: round {}, highest QC round {}",
        blocks,
        rootNumber,
        s.pacemaker.round(),
        s.tree.highestQc().map(QuorumCertificate::round).orElse(-1L));
  }

  private boolean stillIn(EpochState s) {
    return host.state() == s && !host.awaitingEpochChange();
  }
}
