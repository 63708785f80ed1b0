package dev.bulwark.ledger.store;

import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.execution.ExecutionResult;
import dev.bulwark.ledger.staking.EpochSetSlot;
import dev.bulwark.ledger.state.merkle.MerkleStateTree;
import dev.bulwark.ledger.state.merkle.MissingNodeException;
import dev.bulwark.ledger.state.merkle.TreeDiff;
import dev.bulwark.ledger.storage.Durability;
import dev.bulwark.ledger.storage.KeyPrefix;
import dev.bulwark.ledger.storage.KeyValueCursor;
import dev.bulwark.ledger.storage.KeyValueStore;
import dev.bulwark.ledger.storage.StorageException;
import dev.bulwark.ledger.storage.WriteBatch;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the state of the last {@code keepBlocks} committed blocks readable and deletes the
 * state-tree nodes that only older states use, inside the commit batches themselves.
 *
 * <p><b>Why a journal, not mark-and-sweep.</b> A sweep must visit every node of the kept trees
 * (all of the state, some 1.3M nodes at 1M accounts) however little changed, and must not delete a
 * node a commit re-adds while it runs. The journal costs what the commit already costs: at each
 * commit the old and new trees are compared along the paths the block rewrote ({@link
 * MerkleStateTree#difference}), the nodes only the parent's tree had are recorded under the
 * block's number, and each node the block's tree added gets its birth (the last block that added
 * it). When block k-1's state leaves the window, block k's record is replayed: each node is
 * deleted unless it was added again after k (birth &gt; k: a balance back to an earlier value
 * rebuilds an identical leaf) or pins an epoch-change proof. Nodes are content-addressed, so
 * these are the only ways a recorded node can still be in use.
 *
 * <p><b>Crash safety.</b> The records, the deletions and the progress marker go into the commit's
 * own atomic batch, so after a crash the store is at the end of a whole commit with its marker.
 * At most {@link #MAX_BLOCKS_PER_COMMIT} records are replayed per commit, so a shortened window
 * catches up in bounded steps. A gap in the journal (a run without pruning since) makes every
 * record suspect, since nodes re-added in the gap have no birth: they are dropped, and the nodes
 * made stale up to that head are never deleted (a node the head's tree still has is journaled
 * and pruned as usual when a later block replaces it).
 *
 * <p>Only the ledger's commit thread calls it.
 */
final class StatePruner {
  /** Most journal records replayed by one commit. */
  static final int MAX_BLOCKS_PER_COMMIT = 8;

  private static final Logger LOG = LoggerFactory.getLogger(StatePruner.class);
  private static final Bytes MARKER = KeyPrefix.STATE_HISTORY.bytes();

  private final KeyValueStore store;
  private final MerkleStateTree tree;
  private final long keepBlocks;
  private final Set<Hash> pinned = new HashSet<>();
  private long journaledThrough;
  private long prunedThrough;

  private StatePruner(KeyValueStore store, MerkleStateTree tree, long keepBlocks) {
    this.store = store;
    this.tree = tree;
    this.keepBlocks = keepBlocks;
  }

  /**
   * The pruner of {@code store} whose head is {@code head}, keeping {@code keepBlocks} blocks'
   * states; {@code headerAt} reads a committed header, {@code epochLength} finds the epoch-ending
   * blocks whose proofs are pinned.
   */
  static StatePruner open(KeyValueStore store, MerkleStateTree tree, long keepBlocks,
      BlockHeader head, long epochLength, LongFunction<BlockHeader> headerAt) {
    if (keepBlocks < 1 || epochLength < 1) {
      throw new IllegalArgumentException("state history needs keepBlocks >= 1 and an epoch length");
    }
    StatePruner pruner = new StatePruner(store, tree, keepBlocks);
    try (KeyValueCursor pins = store.prefix(KeyPrefix.STATE_PIN.bytes())) {
      pins.forEachRemaining(kv -> pruner.pinned.add(new Hash(kv.key().slice(1, 1 + Hash.SIZE))));
    }
    Optional<Bytes> marker = store.get(MARKER);
    if (marker.isPresent() && ChainKeys.readUint64(marker.get(), 0) == head.number()) {
      pruner.journaledThrough = head.number();
      pruner.prunedThrough = ChainKeys.readUint64(marker.get(), 8);
      LOG.info("State history: the last {} blocks' states kept, pruned through block {}",
          keepBlocks, pruner.prunedThrough);
      return pruner;
    }
    pruner.restart(head, epochLength, headerAt, marker.isPresent());
    return pruner;
  }

  /** Starts the journal at {@code head}: older records dropped, epoch proofs so far pinned. */
  private void restart(BlockHeader head, long epochLength, LongFunction<BlockHeader> headerAt,
      boolean hadJournal) {
    WriteBatch batch = new WriteBatch();
    try (KeyValueCursor stale = store.prefix(KeyPrefix.STATE_STALE.bytes())) {
      stale.forEachRemaining(kv -> batch.delete(kv.key()));
    }
    for (long epoch = 1; epoch * epochLength <= head.number(); epoch++) {
      pin(batch, headerAt.apply(epoch * epochLength).stateRoot(), epoch + 1);
    }
    journaledThrough = head.number();
    prunedThrough = head.number();
    batch.put(MARKER, marker());
    store.write(batch, Durability.SYNC);
    LOG.info("State history: the last {} blocks' states kept from block {} on; nodes made stale "
        + "up to block {} are not pruned ({})", keepBlocks, head.number() + 1, head.number(),
        hadJournal ? "the journal had a gap, a run without pruning" : "no journal yet");
  }

  /**
   * Stages into {@code batch} (which already holds the commit of {@code blocks} on {@code
   * parent}) the blocks' journal records and the pruning the new head allows. Returns what to
   * call once the batch is durable.
   */
  Runnable stage(WriteBatch batch, BlockHeader parent, List<Block> blocks,
      List<ExecutionResult> results) {
    if (parent.number() != journaledThrough) {
      throw new IllegalStateException("state journal is at block " + journaledThrough
          + " but the commit extends block " + parent.number());
    }
    Set<Hash> newPins = new HashSet<>();
    Hash previous = parent.stateRoot();
    for (int i = 0; i < blocks.size(); i++) {
      BlockHeader header = blocks.get(i).header();
      journal(batch, header.number(), tree.difference(previous, header.stateRoot(), batch));
      results.get(i).nextValidatorSet().ifPresent(
          set -> newPins.addAll(pin(batch, header.stateRoot(), set.epoch())));
      previous = header.stateRoot();
    }
    long last = blocks.get(blocks.size() - 1).header().number();
    long target = Math.min(last - keepBlocks + 1, prunedThrough + MAX_BLOCKS_PER_COMMIT);
    long pruned = prunedThrough;
    while (pruned < target) {
      pruned++;
      prune(batch, pruned, newPins);
    }
    long newPruned = pruned;
    batch.put(MARKER, marker(last, newPruned));
    return () -> {
      journaledThrough = last;
      prunedThrough = newPruned;
      pinned.addAll(newPins);
    };
  }

  /** The last block whose state change has been pruned: states before it are gone. */
  long prunedThrough() {
    return prunedThrough;
  }

  private void journal(WriteBatch batch, long number, TreeDiff diff) {
    if (!diff.removed().isEmpty()) {
      byte[] hashes = new byte[diff.removed().size() * Hash.SIZE];
      int at = 0;
      for (Hash h : diff.removed()) {
        h.bytes().copyTo(hashes, at);
        at += Hash.SIZE;
      }
      batch.put(stale(number), Bytes.wrap(hashes));
    }
    Bytes born = ChainKeys.uint64(number);
    for (Hash h : diff.added()) {
      batch.put(KeyPrefix.STATE_NODE_BORN.key(h.bytes()), born);
    }
  }

  /** Deletes the nodes block {@code number} made stale, unless re-added since or pinned. */
  private void prune(WriteBatch batch, long number, Set<Hash> newPins) {
    Optional<Bytes> record = batch.readThrough(stale(number), store);
    if (record.isEmpty()) {
      return; // the block changed no state
    }
    Bytes hashes = record.get();
    if (hashes.size() % Hash.SIZE != 0) {
      throw new StorageException("state journal of block " + number + " in " + store.location()
          + " is corrupt: " + hashes.size() + " bytes");
    }
    for (int at = 0; at < hashes.size(); at += Hash.SIZE) {
      Hash node = new Hash(hashes.slice(at, at + Hash.SIZE));
      if (pinned.contains(node) || newPins.contains(node)) {
        continue;
      }
      Bytes bornKey = KeyPrefix.STATE_NODE_BORN.key(node.bytes());
      Optional<Bytes> born = batch.readThrough(bornKey, store);
      if (born.isPresent() && ChainKeys.readUint64(born.get(), 0) > number) {
        continue; // added again by a later block, whose tree still holds it
      }
      batch.delete(KeyPrefix.STATE_NODE.key(node.bytes()));
      batch.delete(bornKey);
    }
    batch.delete(stale(number));
  }

  /** Pins the proof of epoch {@code epoch}'s set under {@code root}; returns the nodes pinned. */
  private List<Hash> pin(WriteBatch batch, Hash root, long epoch) {
    List<Hash> nodes;
    try {
      nodes = tree.proofNodes(root, EpochSetSlot.stateKey(epoch), batch);
    } catch (MissingNodeException e) {
      LOG.warn("The proof of epoch {}'s validator set is no longer in the state: {}", epoch,
          e.getMessage());
      return List.of();
    }
    for (Hash h : nodes) {
      batch.put(KeyPrefix.STATE_PIN.key(h.bytes()), Bytes.EMPTY);
    }
    pinned.addAll(nodes);
    return nodes;
  }

  private Bytes marker() {
    return marker(journaledThrough, prunedThrough);
  }

  private static Bytes marker(long journaled, long pruned) {
    return ChainKeys.uint64(journaled).concat(ChainKeys.uint64(pruned));
  }

  private static Bytes stale(long number) {
    return KeyPrefix.STATE_STALE.key(ChainKeys.uint64(number));
  }
}
