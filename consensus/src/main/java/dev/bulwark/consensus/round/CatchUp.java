package dev.bulwark.consensus.round;

import dev.bulwark.consensus.blocktree.BlockTree;
import dev.bulwark.consensus.message.BlockRetrievalResponse;
import dev.bulwark.consensus.message.CommittedBlocksResponse;
import dev.bulwark.consensus.message.CommittedSegment;
import dev.bulwark.consensus.message.PeerId;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.QuorumCertificate;
import dev.bulwark.ledger.execution.Epochs;
import dev.bulwark.ledger.types.Hash;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Catching up with peers. Recent blocks a certificate names but the tree lacks are fetched by id
 * from the peer that sent the certificate; when they do not connect to the tree (the node is far
 * behind, or in an older epoch), committed blocks are fetched by number with their commit proofs,
 * verified against the epoch's validator set and committed, epoch by epoch.
 */
final class CatchUp {
  private static final Logger LOG = LoggerFactory.getLogger(CatchUp.class);

  private final RoundHost host;
  private final long epochLength;
  private final BlockSync sync = new BlockSync();
  private PeerId resumeFrom;
  private static final int MAX_AHEAD = 16;
  private final Set<PeerId> ahead = new LinkedHashSet<>();

  CatchUp(RoundHost host, long epochLength) {
    this.host = host;
    this.epochLength = epochLength;
  }

  /** Asks {@code from} for block {@code id} (and ancestors), unless already asked. */
  void fetchBlock(Hash id, PeerId from) {
    sync.fetchBlock(id, from, host.now())
        .ifPresent(
            a -> {
              LOG.trace("fetching block {} from {}", id, from);
              host.emit(a);
            });
  }

  /**
   * Asks for the committed blocks after the local committed root: {@code from} is ahead, and each
   * batch goes to the next of the peers known to be ahead (round robin), so a slow or lying peer
   * costs one retry interval, not the whole catch-up.
   */
  void fetchCommitted(PeerId from) {
    if (!from.equals(PeerId.SELF)) {
      ahead.add(from);
      while (ahead.size() > MAX_AHEAD) {
        ahead.remove(ahead.iterator().next());
      }
    }
    askNextAhead(from);
  }

  private void askNextAhead(PeerId fallback) {
    PeerId target = fallback;
    if (!ahead.isEmpty()) {
      target = ahead.iterator().next();
      ahead.remove(target);
      ahead.add(target); // to the back of the rotation
    }
    long next = host.state().tree.root().header().number() + 1;
    sync.fetchCommitted(target, next, host.now()).ifPresent(host::emit);
  }

  /** After an epoch change: continue with the peer that was ahead, if any. */
  void resume() {
    if (resumeFrom != null) {
      fetchCommitted(resumeFrom);
      resumeFrom = null;
    }
  }

  /** Blocks that answer an earlier request: insert the part that connects to the tree. */
  void onBlocks(PeerId from, BlockRetrievalResponse r) throws InvalidMessageException {
    EpochState s = host.state();
    if (!sync.takeBlockResponse(r.blockId())
        || r.blocks().isEmpty()
        || host.awaitingEpochChange()) {
      return;
    }
    List<Block> blocks = r.blocks();
    int fresh = 0;
    while (fresh < blocks.size() && !s.tree.contains(blocks.get(fresh).hash())) {
      fresh++;
    }
    Block oldest = blocks.get(Math.max(0, fresh - 1));
    if (fresh == blocks.size() && !s.tree.contains(oldest.header().parentHash())) {
      if (oldest.header().number() > s.tree.root().header().number() + 1) {
        fetchCommitted(from); // too far behind for block retrieval
      }
      return;
    }
    // The parent QCs inside fetched blocks go to the commit rule below: verify them all first, so
    // that a block fetched by any id, from any peer, can never commit anything on its own say-so.
    List<QuorumCertificate> parentQcs = new ArrayList<>();
    for (int i = fresh - 1; i >= 0; i--) {
      Block b = blocks.get(i);
      if (b.header().epoch() != s.epoch || b.header().parentQc().isEmpty()) {
        throw new InvalidMessageException(
            PenaltyReason.INVALID_BLOCK,
            "fetched block " + b.header().number() + " of epoch " + b.header().epoch());
      }
      s.verifier.checkQc(b.header().parentQc().get());
      parentQcs.add(b.header().parentQc().get());
    }
    for (int i = fresh - 1; i >= 0; i--) {
      host.insertBlock(blocks.get(i));
    }
    // the fetched blocks carry the QCs of their parents, and some QCs waited for these blocks
    for (int i = 0; i < parentQcs.size() && stillIn(s); i++) {
      QuorumCertificate parentQc = parentQcs.get(i);
      if (s.tree.contains(parentQc.blockId()) && s.tree.qcFor(parentQc.blockId()).isEmpty()) {
        host.processQc(parentQc);
      }
    }
    for (int i = fresh - 1; i >= 0 && stillIn(s); i--) {
      QuorumCertificate waiting = s.qcsAwaitingBlocks.remove(blocks.get(i).hash());
      if (waiting != null && s.tree.contains(waiting.blockId())) {
        host.processQc(waiting);
      }
    }
    if (stillIn(s)) {
      host.retryPending();
    }
  }

  private boolean stillIn(EpochState s) {
    return host.state() == s && !host.awaitingEpochChange();
  }

  /** Committed blocks that answer an earlier request: verify and commit what extends ours. */
  void onCommitted(PeerId from, CommittedBlocksResponse r) throws InvalidMessageException {
    if (!sync.takeCommittedResponse(from)) {
      return;
    }
    LOG.debug(
        "got {} committed segments from {} (its height {})",
        r.segments().size(),
        from,
        r.highestCommitted());
    boolean progressed = false;
    for (CommittedSegment segment : r.segments()) {
      EpochState s = host.state();
      if (host.awaitingEpochChange() || segment.proof().epoch() != s.epoch) {
        break;
      }
      long rootNumber = s.tree.root().header().number();
      List<Block> blocks =
          segment.blocks().stream().filter(b -> b.header().number() > rootNumber).toList();
      if (blocks.isEmpty()) {
        continue;
      }
      try {
        check(s, blocks, segment);
      } catch (InvalidMessageException e) {
        // The rest comes from the next peer known to be ahead, at once; the liar is penalised.
        ahead.remove(from);
        if (!host.awaitingEpochChange() && !ahead.isEmpty()) {
          askNextAhead(from);
        }
        throw e;
      }
      commit(s, blocks, segment);
      progressed = true;
    }
    long height = host.state().tree.root().header().number();
    if (r.highestCommitted() <= height) {
      ahead.remove(from);
    }
    if (host.awaitingEpochChange()) {
      resumeFrom = r.highestCommitted() > height ? from : null;
    } else if (progressed && r.highestCommitted() > height) {
      fetchCommitted(from);
    }
  }

  /**
   * A segment is committed only when it extends the local root within the current epoch, ends at or
   * before the epoch-ending block, and its proof verifies. The proof's QC may commit a block past
   * the epoch end (a tail block, when the round after the epoch end timed out); such blocks only
   * link the proof and are never committed, so a peer that serves them as committed blocks lies.
   */
  private void check(EpochState s, List<Block> blocks, CommittedSegment segment)
      throws InvalidMessageException {
    if (!blocks.get(0).header().parentHash().equals(s.tree.root().hash())) {
      throw new InvalidMessageException(
          PenaltyReason.INVALID_BLOCK, "committed blocks do not extend the local committed chain");
    }
    for (Block b : blocks) {
      if (b.header().epoch() != s.epoch) {
        throw new InvalidMessageException(
            PenaltyReason.INVALID_BLOCK, "committed segment mixes epochs");
      }
    }
    long epochEnd = Epochs.lastBlockOf(s.epoch, epochLength);
    if (segment.lastBlock().header().number() > epochEnd) {
      throw new InvalidMessageException(
          PenaltyReason.INVALID_BLOCK,
          "committed segment runs to block "
              + segment.lastBlock().header().number()
              + ", past the end of epoch "
              + s.epoch
              + " (block "
              + epochEnd
              + ")");
    }
    s.verifier.checkQc(segment.proof().qc());
  }

  private void commit(EpochState s, List<Block> blocks, CommittedSegment segment) {
    host.emit(new Action.CommitBlocks(blocks, segment.proof(), segment.proofPath()));
    Block last = blocks.get(blocks.size() - 1);
    s.resetTree(new BlockTree(last, last.header().round(), Optional.empty(), s.epoch, epochLength));
    if (last.header().number() % epochLength == 0) {
      host.awaitEpochChange();
    } else if (s.pacemaker
        .onQuorumCertificate(segment.proof().qc().round(), host.now())
        .isPresent()) {
      host.newRound();
    }
  }
}
