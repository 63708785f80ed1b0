package dev.bulwark.consensus.blocktree;

import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.chain.CommitProof;
import dev.bulwark.ledger.chain.QuorumCertificate;
import dev.bulwark.ledger.types.Hash;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The uncommitted blocks of one epoch, rooted at the last committed block (after Aptos' {@code
 * block_tree}), with the QCs known for them and their execution state.
 *
 * <p><b>Commit rule (two-chain).</b> A QC for block B whose parent P has round B.round − 1 commits
 * P and its uncommitted ancestors; that QC is P's {@link CommitProof}. The QC's vote data names P
 * and its round, so the rule is read off the QC itself.
 *
 * <p><b>Epoch end.</b> The block whose number is a multiple of the epoch length ends the epoch. Its
 * descendants in the same epoch carry no transactions and are never committed: a commit that
 * reaches past it stops at it, and the headers up to the block the proof commits go into the
 * decision's proof path. The tree then accepts no further commits; the next epoch starts from the
 * epoch-ending block with a fresh tree.
 */
public final class BlockTree {
  private final long epoch;
  private final long epochLength;
  private final Hash epochRootId;
  private final Map<Hash, Node> nodes = new HashMap<>();
  private Node root;
  private Optional<QuorumCertificate> highestQc;
  private Optional<QuorumCertificate> commitQc = Optional.empty();
  private boolean epochEnded;

  private static final class Node {
    final Block block;
    final long round;
    final List<Hash> children = new ArrayList<>();
    ExecutionState state;
    QuorumCertificate qc;

    Node(Block block, long round, ExecutionState state) {
      this.block = block;
      this.round = round;
      this.state = state;
    }
  }

  /**
   * A tree of epoch {@code epoch} rooted at committed block {@code root}, which counts as round
   * {@code rootRound} in this epoch (0 when the epoch starts from it). {@code rootQc} is the
   * certificate of the root when known (the epoch's genesis QC at an epoch start).
   */
  public BlockTree(
      Block root,
      long rootRound,
      Optional<QuorumCertificate> rootQc,
      long epoch,
      long epochLength) {
    if (epochLength < 1) {
      throw new IllegalArgumentException("epoch length must be positive, got " + epochLength);
    }
    this.epoch = epoch;
    this.epochLength = epochLength;
    this.root = new Node(root, rootRound, ExecutionState.EXECUTED);
    this.epochRootId = rootRound == 0 ? root.hash() : null;
    nodes.put(root.hash(), this.root);
    rootQc.ifPresent(
        qc -> {
          if (!qc.blockId().equals(root.hash())) {
            throw new IllegalArgumentException("root QC certifies another block");
          }
          this.root.qc = qc;
        });
    this.highestQc = rootQc;
  }

  /** The epoch of this tree. */
  public long epoch() {
    return epoch;
  }

  /** The last committed block. */
  public Block root() {
    return root.block;
  }

  /** The round of the root within this epoch (0 for the block the epoch started from). */
  public long rootRound() {
    return root.round;
  }

  /** True once a commit reached the epoch-ending block. */
  public boolean epochEnded() {
    return epochEnded;
  }

  /** True when the block is in the tree (the root included). */
  public boolean contains(Hash id) {
    return nodes.containsKey(id);
  }

  /** The block {@code id}, if in the tree. */
  public Optional<Block> block(Hash id) {
    return Optional.ofNullable(nodes.get(id)).map(n -> n.block);
  }

  /** The round of block {@code id} within this epoch, if in the tree. */
  public Optional<Long> round(Hash id) {
    return Optional.ofNullable(nodes.get(id)).map(n -> n.round);
  }

  /** The QC certifying block {@code id}, if known. */
  public Optional<QuorumCertificate> qcFor(Hash id) {
    return Optional.ofNullable(nodes.get(id)).map(n -> n.qc);
  }

  /** The highest QC known (empty only after a restart, until a QC arrives). */
  public Optional<QuorumCertificate> highestQc() {
    return highestQc;
  }

  /** The QC of the latest commit, if any commit happened in this tree. */
  public Optional<QuorumCertificate> commitQc() {
    return commitQc;
  }

  /** The execution state of block {@code id}, if in the tree. */
  public Optional<ExecutionState> executionState(Hash id) {
    return Optional.ofNullable(nodes.get(id)).map(n -> n.state);
  }

  /** True when {@code block} is the one that ends this tree's epoch. */
  public boolean isEpochEnding(Block block) {
    BlockHeader h = block.header();
    return h.epoch() == epoch
        && h.number() > 0
        && h.number() % epochLength == 0
        && !block.hash().equals(epochRootId);
  }

  /** True when {@code id} or one of its ancestors in the tree ends the epoch. */
  public boolean atOrAfterEpochEnd(Hash id) {
    for (Node n = nodes.get(id); n != null; n = nodes.get(n.block.header().parentHash())) {
      if (isEpochEnding(n.block)) {
        return true;
      }
      if (n == root) {
        break;
      }
    }
    return false;
  }

  /**
   * Adds {@code block} under its parent, which must be in the tree with a lower round; returns the
   * block when it can be executed at once (its parent is executed), else nothing.
   */
  public Optional<Block> insert(Block block) {
    Hash id = block.hash();
    long round = block.header().round();
    if (nodes.containsKey(id)) {
      return Optional.empty();
    }
    Node parent = nodes.get(block.header().parentHash());
    if (parent == null) {
      throw new IllegalArgumentException("parent of block " + id + " is not in the tree");
    }
    if (round <= parent.round || block.header().number() != parent.block.header().number() + 1) {
      throw new IllegalArgumentException(
          "block " + id + " does not follow its parent's round " + "and number");
    }
    boolean ready = parent.state == ExecutionState.EXECUTED;
    Node n =
        new Node(
            block, round, ready ? ExecutionState.EXECUTING : ExecutionState.WAITING_FOR_PARENT);
    if (parent.state == ExecutionState.INVALID) {
      n.state = ExecutionState.INVALID;
      ready = false;
    }
    nodes.put(id, n);
    parent.children.add(id);
    return ready ? Optional.of(block) : Optional.empty();
  }

  /**
   * Records that block {@code id} executed and matched its header; returns the children that can
   * now be executed.
   */
  public List<Block> markExecuted(Hash id) {
    Node n = nodes.get(id);
    if (n == null || n.state != ExecutionState.EXECUTING) {
      return List.of();
    }
    n.state = ExecutionState.EXECUTED;
    List<Block> ready = new ArrayList<>();
    for (Hash c : n.children) {
      Node child = nodes.get(c);
      if (child != null && child.state == ExecutionState.WAITING_FOR_PARENT) {
        child.state = ExecutionState.EXECUTING;
        ready.add(child.block);
      }
    }
    return ready;
  }

  /**
   * After a commit: the root is final, so its state is the committed chain's even when this node's
   * own execution of it has not come back yet. Marks it executed and returns the children that can
   * now be executed.
   */
  public List<Block> settleRoot() {
    if (root.state == ExecutionState.EXECUTED) {
      return List.of();
    }
    root.state = ExecutionState.EXECUTING;
    return markExecuted(root.block.hash());
  }

  /** Marks block {@code id} and its descendants invalid: none is voted for or extended. */
  public void markInvalid(Hash id) {
    Deque<Hash> todo = new ArrayDeque<>(List.of(id));
    while (!todo.isEmpty()) {
      Node n = nodes.get(todo.pop());
      if (n != null && n != root) {
        n.state = ExecutionState.INVALID;
        todo.addAll(n.children);
      }
    }
  }

  /**
   * Records {@code qc}, whose block must be in the tree; updates the highest QC and applies the
   * commit rule. Throws IllegalArgumentException when the QC's vote data does not describe its
   * block (round, parent id or parent round).
   */
  public Optional<CommitDecision> insertQc(QuorumCertificate qc) {
    Node n = nodes.get(qc.blockId());
    if (n == null) {
      throw new IllegalArgumentException(
          "QC certifies block " + qc.blockId() + ", not in the tree");
    }
    checkDescribes(qc, n);
    if (n.qc == null) {
      n.qc = qc;
    }
    if (highestQc.isEmpty() || qc.round() > highestQc.get().round()) {
      highestQc = Optional.of(qc);
    }
    if (qc.isGenesis() || epochEnded || qc.vote().round() != qc.vote().parentRound() + 1) {
      return Optional.empty();
    }
    return commit(qc);
  }

  private void checkDescribes(QuorumCertificate qc, Node n) {
    if (qc.isGenesis()) {
      if (n != root || root.round != 0) {
        throw new IllegalArgumentException("a genesis QC certifies only the epoch's root");
      }
      return;
    }
    if (n.round != qc.round() || !n.block.header().parentHash().equals(qc.vote().parentId())) {
      throw new IllegalArgumentException("QC vote data does not match block " + qc.blockId());
    }
    Node parent = nodes.get(qc.vote().parentId());
    if (parent != null && parent.round != qc.vote().parentRound()) {
      throw new IllegalArgumentException(
          "QC names parent round "
              + qc.vote().parentRound()
              + ", the parent is round "
              + parent.round);
    }
  }

  private Optional<CommitDecision> commit(QuorumCertificate qc) {
    Hash target = qc.vote().parentId();
    if (target.equals(root.block.hash()) || !nodes.containsKey(target)) {
      return Optional.empty();
    }
    List<Node> path = pathFromRoot(target);
    if (path.isEmpty()) {
      return Optional.empty();
    }
    int end = path.size();
    for (int i = 0; i < path.size(); i++) {
      if (isEpochEnding(path.get(i).block)) {
        end = i + 1;
        epochEnded = true;
        break;
      }
    }
    List<Block> committed = path.subList(0, end).stream().map(n -> n.block).toList();
    List<BlockHeader> proofPath =
        path.subList(end, path.size()).stream().map(n -> n.block.header()).toList();
    root = path.get(end - 1);
    commitQc = Optional.of(qc);
    prune();
    return Optional.of(new CommitDecision(committed, new CommitProof(qc), proofPath, epochEnded));
  }

  /** The blocks from just after the root down to {@code id}, oldest first; empty if detached. */
  private List<Node> pathFromRoot(Hash id) {
    List<Node> path = new ArrayList<>();
    for (Node n = nodes.get(id); n != root; n = nodes.get(n.block.header().parentHash())) {
      if (n == null) {
        return List.of();
      }
      path.add(n);
    }
    Collections.reverse(path);
    return path;
  }

  private void prune() {
    Set<Hash> keep = new HashSet<>();
    Deque<Node> todo = new ArrayDeque<>(List.of(root));
    while (!todo.isEmpty()) {
      Node n = todo.pop();
      keep.add(n.block.hash());
      for (Hash c : n.children) {
        Node child = nodes.get(c);
        if (child != null) {
          todo.push(child);
        }
      }
    }
    nodes.keySet().retainAll(keep);
  }

  /** Block {@code id} and up to {@code count - 1} ancestors in the tree, newest first. */
  public List<Block> ancestors(Hash id, int count) {
    List<Block> out = new ArrayList<>();
    for (Node n = nodes.get(id);
        n != null && out.size() < count;
        n = n == root ? null : nodes.get(n.block.header().parentHash())) {
      out.add(n.block);
    }
    return out;
  }

  /** Number of blocks held, the root included. */
  public int size() {
    return nodes.size();
  }
}
