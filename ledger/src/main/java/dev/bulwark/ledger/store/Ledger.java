package dev.bulwark.ledger.store;

import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.chain.CommitProof;
import dev.bulwark.ledger.chain.Evidence;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.execution.BlockBuilder;
import dev.bulwark.ledger.execution.BlockExecutor;
import dev.bulwark.ledger.execution.BlockTemplate;
import dev.bulwark.ledger.execution.BuiltBlock;
import dev.bulwark.ledger.execution.CallOutcome;
import dev.bulwark.ledger.execution.ChainParams;
import dev.bulwark.ledger.execution.ExecutionResult;
import dev.bulwark.ledger.execution.GenesisBlock;
import dev.bulwark.ledger.execution.GenesisSpec;
import dev.bulwark.ledger.execution.InvalidBlockException;
import dev.bulwark.ledger.execution.ParentState;
import dev.bulwark.ledger.execution.SystemModule;
import dev.bulwark.ledger.mempool.AccountStateView;
import dev.bulwark.ledger.state.StateReader;
import dev.bulwark.ledger.state.merkle.MerkleStateTree;
import dev.bulwark.ledger.storage.KeyValueStore;
import dev.bulwark.ledger.storage.LevelDbStore;
import dev.bulwark.ledger.tx.SignedTransaction;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger as the node uses it: a chain store opened from a genesis spec and the system module,
 * execution of proposed blocks (also on executed but uncommitted parents, as consensus pipelines
 * them), block building for the proposer, commits and reads.
 *
 * <p>Threads: execution, building and commits are serialised (the ledger worker); reads through
 * {@link #chain()} and the state views may run concurrently with them.
 */
public final class Ledger implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Ledger.class);
  private static final int MAX_UNCOMMITTED = 256;

  private final KeyValueStore store;
  private final ChainParams params;
  private final SystemModule module;
  private final ChainStore chain;
  private final BlockExecutor executor;
  private final BlockBuilder builder;
  private final Map<Hash, Executed> uncommitted = new LinkedHashMap<>();
  private volatile boolean closing;
  private Thread warmer;

  private record Executed(BlockHeader header, ExecutionResult result) {}

  private Ledger(KeyValueStore store, ChainParams params, SystemModule module, ChainStore chain) {
    this.store = store;
    this.params = params;
    this.module = module;
    this.chain = chain;
    this.executor = new BlockExecutor(params, module, chain.stateTree());
    this.builder = new BlockBuilder(params, module, chain.stateTree());
  }

  /** Opens (creating) the LevelDB ledger in {@code dir} for the chain of {@code genesis}. */
  public static Ledger open(Path dir, GenesisSpec genesis, SystemModule module) {
    return open(dir, genesis, module, MerkleStateTree.defaultResidentNodes());
  }

  /**
   * As {@link #open(Path, GenesisSpec, SystemModule)}, keeping at most about {@code
   * stateResidentNodes} state-tree nodes in memory.
   */
  public static Ledger open(
      Path dir, GenesisSpec genesis, SystemModule module, int stateResidentNodes) {
    return open(dir, genesis, module, stateResidentNodes, 0);
  }

  /**
   * As {@link #open(Path, GenesisSpec, SystemModule, int)}, keeping the last {@code
   * stateHistoryBlocks} blocks' states readable (0: every block's, an archive node).
   */
  public static Ledger open(Path dir, GenesisSpec genesis, SystemModule module,
      int stateResidentNodes, long stateHistoryBlocks) {
    GenesisBlock block = GenesisBlock.of(genesis, module);
    LevelDbStore store = LevelDbStore.open(dir, ChainStore.SCHEMA_VERSION, block.hash().bytes());
    try {
      return open(store, genesis, module, block, stateResidentNodes, stateHistoryBlocks);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /** Opens the ledger on {@code store} (closed with the ledger), e.g. an in-memory one. */
  public static Ledger open(KeyValueStore store, GenesisSpec genesis, SystemModule module) {
    return open(
        store,
        genesis,
        module,
        GenesisBlock.of(genesis, module),
        MerkleStateTree.defaultResidentNodes());
  }

  /**
   * As {@link #open(KeyValueStore, GenesisSpec, SystemModule)}, keeping at most about {@code
   * stateResidentNodes} state-tree nodes in memory.
   */
  public static Ledger open(
      KeyValueStore store,
      GenesisSpec genesis,
      SystemModule module,
      GenesisBlock genesisBlock,
      int stateResidentNodes) {
    return open(store, genesis, module, genesisBlock, stateResidentNodes, 0);
  }

  /**
   * As {@link #open(KeyValueStore, GenesisSpec, SystemModule, GenesisBlock, int)}, keeping the
   * last {@code stateHistoryBlocks} blocks' states readable (0: every block's).
   */
  public static Ledger open(
      KeyValueStore store,
      GenesisSpec genesis,
      SystemModule module,
      GenesisBlock genesisBlock,
      int stateResidentNodes,
      long stateHistoryBlocks) {
    ChainStore chain = ChainStore.open(store, genesisBlock, stateResidentNodes, stateHistoryBlocks,
        genesis.params().epochLengthBlocks());
    return new Ledger(store, genesis.params(), module, chain);
  }

  /** The chain rules. */
  public ChainParams params() {
    return params;
  }

  /** The system module. */
  public SystemModule module() {
    return module;
  }

  /** The committed chain, for reads. */
  public ChainStore chain() {
    return chain;
  }

  /** The last committed block's header. */
  public BlockHeader head() {
    return chain.head();
  }

  /**
   * Validates and executes {@code block} on its parent (the head, or a block executed here and not
   * yet committed); the result is kept for {@link #commit(Block, CommitProof)} and {@link
   * #commit(List, CommitProof, List)}.
   */
  public synchronized ExecutionResult execute(Block block) throws InvalidBlockException {
    ExecutionResult result = executor.execute(parentOf(block.header().parentHash()), block);
    remember(block.header(), result);
    return result;
  }

  /** As {@link #execute(Block)} with the block's transactions already decoded. */
  public synchronized ExecutionResult execute(Block block, List<SignedTransaction> transactions)
      throws InvalidBlockException {
    ExecutionResult result =
        executor.execute(parentOf(block.header().parentHash()), block, transactions);
    remember(block.header(), result);
    return result;
  }

  /** Builds a block on the block the template's QC certifies (see {@link BlockBuilder}). */
  public synchronized BuiltBlock build(
      BlockTemplate template, List<SignedTransaction> candidates, List<Evidence> evidence) {
    BuiltBlock built =
        builder.build(parentOf(template.parentQc().blockId()), template, candidates, evidence);
    remember(built.block().header(), built.result());
    return built;
  }

  /** Commits {@code block} with the result of its execution here (executing it now if needed). */
  public synchronized void commit(Block block, CommitProof proof) throws InvalidBlockException {
    Executed executed = uncommitted.get(block.hash());
    commit(block, proof, executed != null ? executed.result() : execute(block));
  }

  /** Commits {@code block}, executed with {@code result}, as the new head (one synced batch). */
  public synchronized void commit(Block block, CommitProof proof, ExecutionResult result) {
    chain.commit(block, proof, result);
    forgetUpTo(block.header().number());
  }

  /**
   * Commits {@code blocks}, finalised by {@code proof} (through {@code proofPath} at an epoch end,
   * see {@link ChainStore#commit(List, List, CommitProof, List)}), as one synced batch. Each block
   * commits with the result of its execution here; a block never executed here (catching up) is
   * executed now, in order, on its parent. Nothing is committed when one of them is invalid.
   * Returns the hashes of the committed transactions in block order (for the mempool).
   */
  public synchronized List<Hash> commit(
      List<Block> blocks, CommitProof proof, List<BlockHeader> proofPath)
      throws InvalidBlockException {
    List<ExecutionResult> results = new ArrayList<>(blocks.size());
    ParentState previous = null;
    for (Block block : blocks) {
      Executed known = uncommitted.get(block.hash());
      ExecutionResult result;
      if (known != null) {
        result = known.result();
      } else {
        Hash parentHash = block.header().parentHash();
        // The previous block of the batch, even when more blocks arrive than are remembered.
        ParentState parent =
            previous != null && previous.header().hash().equals(parentHash)
                ? previous
                : parentOf(parentHash);
        result = executor.execute(parent, block);
      }
      results.add(result);
      previous = ParentState.uncommitted(block.header(), result);
    }
    chain.commit(blocks, results, proof, proofPath);
    forgetUpTo(blocks.get(blocks.size() - 1).header().number());
    List<Hash> committed = new ArrayList<>();
    results.forEach(r -> committed.addAll(r.transactionHashes()));
    return committed;
  }

  /** The state after the head block. */
  public StateReader headState() {
    return chain.headState();
  }

  /** The mempool's view of the head state. */
  public AccountStateView accountView() {
    return new StateAccountView(chain.headState());
  }

  /** The validator set of {@code epoch}, if its predecessor's last block committed. */
  public Optional<ValidatorSet> validatorSet(long epoch) {
    return chain.validatorSet(epoch);
  }

  /** A read-only call of the system module at the head state (eth_call). */
  public CallOutcome call(Address sender, Bytes data) {
    return module.view(sender, data, chain.headState());
  }

  private ParentState parentOf(Hash parentHash) {
    BlockHeader head = chain.head();
    if (head.hash().equals(parentHash)) {
      return ParentState.committed(head);
    }
    Executed parent = uncommitted.get(parentHash);
    if (parent == null) {
      throw new UnknownParentException(
          "parent " + parentHash + " is neither the head nor an executed uncommitted block");
    }
    return ParentState.uncommitted(parent.header(), parent.result());
  }

  private void forgetUpTo(long number) {
    uncommitted.values().removeIf(e -> e.header().number() <= number);
  }

  private void remember(BlockHeader header, ExecutionResult result) {
    uncommitted.put(header.hash(), new Executed(header, result));
    if (uncommitted.size() > MAX_UNCOMMITTED) {
      Hash eldest = uncommitted.keySet().iterator().next();
      uncommitted.remove(eldest);
    }
  }

  /**
   * Loads the head state's tree into memory on a background thread, as far as its bound allows,
   * so that the first blocks after a restart do not read their paths from the store. Blocks may
   * execute and commit meanwhile; {@link #close()} stops it first.
   */
  public synchronized void warmStateInBackground() {
    if (warmer != null || closing) {
      return;
    }
    Hash root = chain.head().stateRoot();
    MerkleStateTree tree = chain.stateTree();
    warmer = new Thread(() -> warm(tree, root), "state-warmup");
    warmer.setDaemon(true);
    warmer.start();
  }

  private void warm(MerkleStateTree tree, Hash root) {
    long started = System.nanoTime();
    try {
      long loaded = tree.warm(root, () -> closing);
      LOG.info("State tree warmed: {} nodes loaded in {} ms, {} resident", loaded,
          (System.nanoTime() - started) / 1_000_000, tree.residentNodes());
    } catch (RuntimeException e) {
      // Only a cache is lost: blocks read what they need from the store as before.
      LOG.warn("State tree warm-up stopped: {}", e.toString());
    }
  }

  @Override
  public void close() {
    closing = true;
    Thread running;
    synchronized (this) {
      running = warmer;
    }
    if (running != null) {
      // The warm-up reads the store: it must end before the store closes under it.
      boolean interrupted = false;
      while (running.isAlive()) {
        try {
          running.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    store.close();
  }
}
