package dev.bulwark.node.storage;

import dev.bulwark.genesis.model.Genesis;
import dev.bulwark.ledger.execution.GenesisSpec;
import dev.bulwark.ledger.staking.StakingModule;
import dev.bulwark.ledger.state.merkle.MerkleStateTree;
import dev.bulwark.ledger.store.Ledger;
import dev.bulwark.node.safety.FileSafetyStorage;
import java.nio.file.Path;

/**
 * The layout of a node's data directory: the LevelDB ledger in {@code ledger/}, the consensus
 * safety data in {@code safety/}, the uncommitted consensus block tree in {@code blocktree/}, the
 * genesis the node first started with in {@code genesis.json}, and (for an observer started
 * without a key directory) its generated p2p key in {@code node.key}.
 */
public record DataDirectory(Path root) {
  public DataDirectory {
    if (root == null) {
      throw new IllegalArgumentException("data directory is missing");
    }
    root = root.toAbsolutePath().normalize();
  }

  /** The LevelDB directory of the ledger. */
  public Path ledgerDir() {
    return root.resolve("ledger");
  }

  /** The directory of the safety data file. */
  public Path safetyDir() {
    return root.resolve("safety");
  }

  /** The directory of the consensus block-tree log (uncommitted blocks and certificates). */
  public Path blockTreeDir() {
    return root.resolve("blocktree");
  }

  /** The copy of the genesis the node first started with. */
  public GenesisCopy genesisCopy() {
    return new GenesisCopy(root.resolve("genesis.json"));
  }

  /** An observer's own p2p key, generated on first start when no key directory is given. */
  public Path observerKeyDir() {
    return root.resolve("observer-key");
  }

  /** Opens the ledger of {@code genesis} stored here (created on first use). */
  public Ledger openLedger(Genesis genesis) {
    return openLedger(genesis, MerkleStateTree.defaultResidentNodes());
  }

  /** As {@link #openLedger(Genesis)}, keeping at most about {@code stateNodes} in memory. */
  public Ledger openLedger(Genesis genesis, int stateNodes) {
    return openLedger(genesis, stateNodes, 0);
  }

  /**
   * As {@link #openLedger(Genesis, int)}, keeping the last {@code stateHistoryBlocks} blocks'
   * states readable (0: every block's).
   */
  public Ledger openLedger(Genesis genesis, int stateNodes, long stateHistoryBlocks) {
    GenesisSpec spec = genesis.toSpec();
    return Ledger.open(ledgerDir(), spec, new StakingModule(spec.params()), stateNodes,
        stateHistoryBlocks);
  }

  /** The durable block-tree storage stored here. */
  public FileBlockTreeStorage blockTreeStorage() {
    return new FileBlockTreeStorage(blockTreeDir());
  }

  /** The durable safety storage stored here. */
  public FileSafetyStorage safetyStorage() {
    return new FileSafetyStorage(safetyDir());
  }
}
