package dev.bulwark.ledger.store;

import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockCodec;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.chain.CertificateCodec;
import dev.bulwark.ledger.chain.CommitProof;
import dev.bulwark.ledger.chain.Finality;
import dev.bulwark.ledger.chain.ValidatorCodec;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.codec.DecodeException;
import dev.bulwark.ledger.execution.ExecutionResult;
import dev.bulwark.ledger.execution.GenesisBlock;
import dev.bulwark.ledger.execution.Log;
import dev.bulwark.ledger.execution.LogsBloom;
import dev.bulwark.ledger.execution.Receipt;
import dev.bulwark.ledger.execution.ReceiptCodec;
import dev.bulwark.ledger.state.CommittedState;
import dev.bulwark.ledger.state.merkle.MerkleStateTree;
import dev.bulwark.ledger.storage.Durability;
import dev.bulwark.ledger.storage.KeyValueStore;
import dev.bulwark.ledger.storage.StorageException;
import dev.bulwark.ledger.storage.StoreMetadata;
import dev.bulwark.ledger.storage.WriteBatch;
import dev.bulwark.ledger.tx.TransactionCodec;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The committed chain on a {@link KeyValueStore} (layout in {@link ChainKeys}): blocks, finality
 * records, state, transaction and receipt indexes, logs blooms and validator sets. Each commit (the
 * blocks one commit proof finalises) is one atomic, synced batch that also moves the head, so after
 * a crash the store is at the end of a whole commit, whose state root is its last header's.
 *
 * <p>Threads: one writer ({@link #commit}) and any number of readers. Readers see the head move
 * only after the whole commit is durable, so a receipt is never visible before its block number.
 */
public final class ChainStore {
  /** Version of the key layout in {@link ChainKeys}. */
  public static final int SCHEMA_VERSION = 2;

  private static final Logger LOG = LoggerFactory.getLogger(ChainStore.class);

  private final KeyValueStore store;
  private final MerkleStateTree tree;
  private volatile BlockHeader head;
  private StatePruner pruner; // null: every state is kept (an archive node)

  private ChainStore(KeyValueStore store, MerkleStateTree tree, BlockHeader head) {
    this.store = store;
    this.tree = tree;
    this.head = head;
  }

  /**
   * Opens the chain in {@code store}, writing {@code genesis} into a fresh one. Fails with {@link
   * dev.bulwark.ledger.storage.StoreMismatchException} for another chain's store or an unknown
   * schema version.
   */
  public static ChainStore open(KeyValueStore store, GenesisBlock genesis, int stateResidentNodes) {
    StoreMetadata.checkOrInitialize(store, SCHEMA_VERSION, genesis.hash().bytes());
    MerkleStateTree tree = new MerkleStateTree(store, stateResidentNodes);
    Optional<Bytes> headValue = store.get(ChainKeys.HEAD);
    if (headValue.isEmpty()) {
      // Also after a crash between writing the metadata and the genesis batch.
      WriteBatch batch = new WriteBatch();
      CommitBatch.copy(genesis.stateNodes(), batch);
      CommitBatch.putBlock(batch, genesis.block());
      batch.put(
          ChainKeys.validatorSet(genesis.firstValidatorSet().epoch()),
          Bytes.of(ValidatorCodec.encode(genesis.firstValidatorSet())));
      batch.put(ChainKeys.HEAD, ChainKeys.head(0, genesis.hash()));
      store.write(batch, Durability.SYNC);
      LOG.info("Wrote genesis block {} to {}", genesis.hash(), store.location());
      return new ChainStore(store, tree, genesis.block().header());
    }
    long number = ChainKeys.readUint64(headValue.get(), 0);
    ChainStore chain = new ChainStore(store, tree, null);
    BlockHeader header =
        chain
            .readBlock(number)
            .orElseThrow(
                () ->
                    new StorageException(
                        "head block " + number + " missing in " + store.location()))
            .header();
    chain.head = header;
    LOG.info("Opened chain at {}: head block {} ({})", store.location(), number, header.hash());
    return chain;
  }

  /**
   * As {@link #open(KeyValueStore, GenesisBlock, int)}, keeping only the last {@code keepBlocks}
   * blocks' states readable (0: all, an archive node): the state-tree nodes only older states use
   * are deleted as blocks commit (see {@link StatePruner}). {@code epochLength} finds the
   * epoch-ending blocks, whose epoch-change proofs stay readable whatever the window.
   */
  public static ChainStore open(KeyValueStore store, GenesisBlock genesis, int stateResidentNodes,
      long keepBlocks, long epochLength) {
    if (keepBlocks < 0) {
      throw new IllegalArgumentException("kept state history must be >= 0 blocks: " + keepBlocks);
    }
    ChainStore chain = open(store, genesis, stateResidentNodes);
    if (keepBlocks > 0) {
      chain.pruner = StatePruner.open(store, chain.tree, keepBlocks, chain.head, epochLength,
          n -> chain.readBlock(n).orElseThrow(() -> new StorageException(
              "block " + n + " missing in " + store.location())).header());
    }
    return chain;
  }

  /** The last committed block's header. */
  public BlockHeader head() {
    return head;
  }

  /** The state tree over this store. */
  public MerkleStateTree stateTree() {
    return tree;
  }

  /**
   * Commits {@code block}, executed with {@code result}, as the new head: one synced batch. The
   * block must extend the head, carry the result's commitments, and be what {@code proof} commits.
   */
  public void commit(Block block, CommitProof proof, ExecutionResult result) {
    commit(List.of(block), List.of(result), proof, List.of());
  }

  /**
   * Commits {@code blocks}, the blocks one commit proof finalises (oldest first, each executed with
   * the result at the same index), as one synced batch that also moves the head to the last. The
   * first block must extend the head and each the one before it; each must carry its result's
   * commitments. {@code proof} must commit the last block, or, at an epoch end, the last header of
   * {@code proofPath}: the never-committed descendants from the last block's child on, oldest
   * first. Every block's {@link Finality} record is written in the same batch. On an
   * IllegalStateException (not on the head) or IllegalArgumentException (any other mismatch)
   * nothing is written.
   */
  public synchronized void commit(
      List<Block> blocks,
      List<ExecutionResult> results,
      CommitProof proof,
      List<BlockHeader> proofPath) {
    WriteBatch batch = CommitBatch.stage(head, blocks, results, proof, proofPath);
    Runnable pruned = pruner == null ? () -> { } : pruner.stage(batch, head, blocks, results);
    store.write(batch, Durability.SYNC);
    pruned.run();
    head = blocks.get(blocks.size() - 1).header();
    if (blocks.size() > 1 || !proofPath.isEmpty()) {
      LOG.debug(
          "Committed blocks {}..{} with a proof path of {} headers",
          blocks.get(0).header().number(),
          head.number(),
          proofPath.size());
    }
  }

  /** The committed block at {@code number}. */
  public Optional<Block> block(long number) {
    // A reader racing a commit sees nothing above the head, even if the batch is already written.
    if (number < 0 || number > head.number()) {
      return Optional.empty();
    }
    return readBlock(number);
  }

  private Optional<Block> readBlock(long number) {
    return read(
        ChainKeys.block(number), "block " + number, b -> BlockCodec.decodeBlock(b.toArray()));
  }

  /** The committed block with {@code hash}. */
  public Optional<Block> block(Hash hash) {
    return blockNumber(hash).flatMap(this::block);
  }

  /** The number of the committed block with {@code hash}. */
  public Optional<Long> blockNumber(Hash hash) {
    return store.get(ChainKeys.blockNumber(hash)).map(b -> ChainKeys.readUint64(b, 0));
  }

  /**
   * How committed block {@code number} was finalised; empty for genesis and above the head. Every
   * block of one commit has the same record.
   */
  public Optional<Finality> finality(long number) {
    if (number < 1 || number > head.number()) {
      return Optional.empty();
    }
    return read(
        ChainKeys.finality(number),
        "finality of block " + number,
        b -> CertificateCodec.decodeFinality(b.toArray()));
  }

  /** The proof of the commit that included block {@code number} (none for genesis). */
  public Optional<CommitProof> commitProof(long number) {
    return finality(number).map(Finality::proof);
  }

  /** A committed transaction by hash. */
  public Optional<StoredTransaction> transaction(Hash txHash) {
    return location(txHash)
        .flatMap(
            loc ->
                block(loc.number())
                    .flatMap(
                        block -> {
                          if (loc.index() >= block.transactions().size()) {
                            return Optional.empty(); // the block-level receipt has no transaction
                          }
                          return Optional.of(
                              new StoredTransaction(
                                  TransactionCodec.decode(block.transactions().get(loc.index())),
                                      block.hash(),
                                  loc.number(), loc.index()));
                        }));
  }

  /** The receipt of a committed transaction (or the block-level receipt, by block hash). */
  public Optional<StoredReceipt> receipt(Hash txHash) {
    return location(txHash).flatMap(loc -> receipts(loc.number()).map(all -> all.get(loc.index())));
  }

  /** Every receipt of committed block {@code number}, in order. */
  public Optional<List<StoredReceipt>> receipts(long number) {
    Optional<Block> block = block(number);
    if (block.isEmpty()) {
      return Optional.empty();
    }
    List<Receipt> receipts =
        read(
                ChainKeys.receipts(number),
                "receipts of block " + number,
                b -> ReceiptCodec.decodeList(b.toArray()))
            .orElse(List.of()); // genesis has none
    List<Hash> txHashes = block.get().transactionHashes();
    Hash blockHash = block.get().hash();
    List<StoredReceipt> out = new ArrayList<>(receipts.size());
    int logIndex = 0;
    for (int i = 0; i < receipts.size(); i++) {
      boolean blockLevel = i >= txHashes.size();
      out.add(
          new StoredReceipt(
              receipts.get(i),
              blockLevel ? blockHash : txHashes.get(i),
              blockHash,
              number,
              i,
              logIndex,
              blockLevel));
      logIndex += receipts.get(i).logs().size();
    }
    return Optional.of(out);
  }

  /** The logs bloom of committed block {@code number} (empty bloom for a block without logs). */
  public LogsBloom logsBloom(long number) {
    return store.get(ChainKeys.logsBloom(number)).map(LogsBloom::fromBytes).orElse(LogsBloom.EMPTY);
  }

  /**
   * The logs matching {@code filter} in committed blocks, in chain order; the range is clipped to
   * the head. Blocks whose bloom rules the filter out are skipped without reading receipts.
   */
  public List<StoredLog> logs(LogFilter filter) {
    List<StoredLog> out = new ArrayList<>();
    long to = Math.min(filter.toBlock(), head.number());
    for (long n = filter.fromBlock(); n <= to; n++) {
      LogsBloom bloom = logsBloom(n);
      if (bloom.equals(LogsBloom.EMPTY) || !filter.mayMatch(bloom)) {
        continue;
      }
      for (StoredReceipt r : receipts(n).orElse(List.of())) {
        List<Log> logs = r.receipt().logs();
        for (int i = 0; i < logs.size(); i++) {
          if (filter.matches(logs.get(i))) {
            out.add(
                new StoredLog(
                    logs.get(i),
                    n,
                    r.blockHash(),
                    r.transactionHash(),
                    r.index(),
                    r.firstLogIndex() + i));
          }
        }
      }
    }
    return out;
  }

  /** The validator set of {@code epoch}, once the block ending the previous epoch committed. */
  public Optional<ValidatorSet> validatorSet(long epoch) {
    return read(
        ChainKeys.validatorSet(epoch),
        "validator set " + epoch,
        b -> ValidatorCodec.decodeSet(b.toArray()));
  }

  /** The state after the head block. */
  public CommittedState headState() {
    return new CommittedState(tree, head.stateRoot());
  }

  /**
   * The state after committed block {@code number}. With a state history window, reading the
   * state of a block before it throws {@link
   * dev.bulwark.ledger.state.merkle.MissingNodeException} (or answers correctly from nodes still
   * held), never a wrong value.
   */
  public Optional<CommittedState> stateAt(long number) {
    return block(number).map(b -> new CommittedState(tree, b.header().stateRoot()));
  }

  private Optional<ChainKeys.TxLocation> location(Hash txHash) {
    return read(ChainKeys.txLocation(txHash), "location of " + txHash, ChainKeys::readLocation)
        .filter(loc -> loc.number() <= head.number());
  }

  private <T> Optional<T> read(Bytes key, String what, Function<Bytes, T> decoder) {
    Optional<Bytes> raw = store.get(key);
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(decoder.apply(raw.get()));
    } catch (DecodeException e) {
      throw new StorageException(
          what + " in " + store.location() + " is corrupt: " + e.getMessage(), e);
    }
  }
}
