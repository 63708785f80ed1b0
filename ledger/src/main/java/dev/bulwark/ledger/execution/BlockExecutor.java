package dev.bulwark.ledger.execution;

import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.codec.DecodeException;
import dev.bulwark.ledger.state.merkle.MerkleStateTree;
import dev.bulwark.ledger.tx.SignedTransaction;
import dev.bulwark.ledger.tx.TransactionCodec;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates and executes a proposed block on its parent: the header rules, the system hooks, every
 * transaction (any one that may not be included makes the block invalid), then the gas used and the
 * four roots against the header. Pure and deterministic: the same parent state and block give a
 * byte-identical {@link ExecutionResult}; nothing is written to the store.
 */
public final class BlockExecutor {
  private static final int PARALLEL_RECOVERY_MIN = 64;

  private final ChainParams params;
  private final SystemModule module;
  private final MerkleStateTree tree;

  /** An executor for the chain {@code params} with its system module, over {@code tree}. */
  public BlockExecutor(ChainParams params, SystemModule module, MerkleStateTree tree) {
    this.params = params;
    this.module = module;
    this.tree = tree;
  }

  /**
   * Executes {@code block} on {@code parent}, decoding its transactions. Their senders are
   * recovered first, in parallel: recovery (about 0.2 ms each with BouncyCastle) would otherwise
   * dominate a large block, and it is pure, so the order of recovery does not matter.
   */
  public ExecutionResult execute(ParentState parent, Block block) throws InvalidBlockException {
    List<SignedTransaction> transactions = decode(block);
    if (transactions.size() >= PARALLEL_RECOVERY_MIN) {
      transactions.parallelStream().forEach(SignedTransaction::sender);
    }
    return execute(parent, block, transactions);
  }

  /**
   * Executes {@code block} with its transactions already decoded (e.g. the mempool's, whose senders
   * are recovered); {@code transactions} must be exactly the block's, in order.
   */
  public ExecutionResult execute(
      ParentState parent, Block block, List<SignedTransaction> transactions)
      throws InvalidBlockException {
    BlockHeader header = block.header();
    checkSameTransactions(block, transactions);
    HeaderRules.check(params, parent.header(), header);
    BlockRun run =
        new BlockRun(params, module, tree, parent, BlockContext.of(params.chainId(), header));
    run.begin(block.evidence());
    for (int i = 0; i < transactions.size(); i++) {
      SignedTransaction tx = transactions.get(i);
      try {
        run.apply(tx);
      } catch (InvalidTransactionException e) {
        throw HeaderRules.invalid(
            header, "transaction " + i + " (" + tx.hash() + "): " + e.getMessage());
      }
    }
    ExecutionResult result = run.finish();
    checkCommitments(header, result);
    return result;
  }

  private static List<SignedTransaction> decode(Block block) throws InvalidBlockException {
    List<SignedTransaction> out = new ArrayList<>(block.transactions().size());
    for (int i = 0; i < block.transactions().size(); i++) {
      Bytes raw = block.transactions().get(i);
      try {
        out.add(TransactionCodec.decode(raw));
      } catch (DecodeException e) { // includes an unsupported type
        throw HeaderRules.invalid(
            block.header(), "transaction " + i + " does not decode: " + e.getMessage());
      }
    }
    return out;
  }

  private static void checkSameTransactions(Block block, List<SignedTransaction> transactions) {
    boolean same = transactions.size() == block.transactions().size();
    for (int i = 0; same && i < transactions.size(); i++) {
      same = transactions.get(i).raw().equals(block.transactions().get(i));
    }
    if (!same) {
      throw new IllegalArgumentException("decoded transactions are not the block's");
    }
  }

  private static void checkCommitments(BlockHeader header, ExecutionResult result)
      throws InvalidBlockException {
    if (header.gasUsed() != result.gasUsed()) {
      throw HeaderRules.invalid(
          header, "gas used " + header.gasUsed() + ", transactions used " + result.gasUsed());
    }
    check(header, "state root", header.stateRoot(), result.stateRoot());
    check(header, "transactions root", header.transactionsRoot(), result.transactionsRoot());
    check(header, "receipts root", header.receiptsRoot(), result.receiptsRoot());
    check(header, "evidence root", header.evidenceRoot(), result.evidenceRoot());
  }

  private static void check(BlockHeader header, String what, Hash claimed, Hash computed)
      throws InvalidBlockException {
    if (!claimed.equals(computed)) {
      throw HeaderRules.invalid(
          header, what + " " + claimed + " does not match the computed " + computed);
    }
  }
}
