package dev.bulwark.ledger.execution;

import dev.bulwark.ledger.chain.Evidence;
import dev.bulwark.ledger.chain.EvidenceCodec;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.state.WorldState;
import dev.bulwark.ledger.state.merkle.MerkleStateTree;
import dev.bulwark.ledger.tx.SignedTransaction;
import dev.bulwark.ledger.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One block's execution, step by step, shared by the executor (which must accept every step) and
 * the builder (which leaves out what fails): the system hooks before the transactions, each
 * transaction, then the hooks after them and the commitments. Single use, not thread-safe.
 */
final class BlockRun {
  private final ChainParams params;
  private final SystemModule module;
  private final TransactionProcessor processor;
  private final BlockContext context;
  private final WorldState state;
  private final List<byte[]> rawTransactions = new ArrayList<>();
  private final List<Hash> transactionHashes = new ArrayList<>();
  private final List<Receipt> receipts = new ArrayList<>();
  private final List<Log> blockLogs = new ArrayList<>();
  private List<Evidence> evidence = List.of();
  private long gasUsed;
  private BigInteger burned = BigInteger.ZERO;

  BlockRun(
      ChainParams params,
      SystemModule module,
      MerkleStateTree tree,
      ParentState parent,
      BlockContext context) {
    this.params = params;
    this.module = module;
    this.processor = new TransactionProcessor(params, module);
    this.context = context;
    this.state = new WorldState(tree, parent.header().stateRoot(), parent.childNodeBatch());
  }

  /**
   * True when the hooks accept {@code candidate} as the block's evidence; the state is left as it
   * was (the builder's probe).
   */
  boolean admissible(List<Evidence> candidate) {
    int snapshot = state.snapshot();
    try {
      module.beforeTransactions(context, candidate, state);
      return true;
    } catch (InvalidBlockException e) {
      return false;
    } finally {
      state.revertTo(snapshot);
    }
  }

  /** Runs the hooks that come before the transactions, with the block's evidence. */
  void begin(List<Evidence> blockEvidence) throws InvalidBlockException {
    evidence = List.copyOf(blockEvidence);
    blockLogs.addAll(module.beforeTransactions(context, evidence, state));
  }

  /** Applies the next transaction; on a rejection nothing changed. */
  Receipt apply(SignedTransaction tx) throws InvalidTransactionException {
    TransactionProcessor.Applied applied = processor.apply(tx, context, state, gasUsed);
    gasUsed = applied.receipt().cumulativeGasUsed();
    burned = burned.add(applied.burned());
    rawTransactions.add(tx.raw().toArray());
    transactionHashes.add(tx.hash());
    receipts.add(applied.receipt());
    return applied.receipt();
  }

  /** Gas the block's transactions used so far. */
  long gasUsed() {
    return gasUsed;
  }

  /** Runs the hooks after the transactions and computes the commitments. */
  ExecutionResult finish() {
    Optional<ValidatorSet> next = module.afterTransactions(context, state, blockLogs);
    checkNextSet(next);
    List<Receipt> all = new ArrayList<>(receipts);
    if (!blockLogs.isEmpty()) {
      all.add(Receipt.blockLevel(blockLogs, gasUsed));
    }
    List<byte[]> encodedReceipts = new ArrayList<>(all.size());
    LogsBloom bloom = LogsBloom.EMPTY;
    for (Receipt r : all) {
      encodedReceipts.add(ReceiptCodec.encode(r));
      if (!r.logs().isEmpty()) {
        bloom = bloom.or(r.logsBloom());
      }
    }
    List<byte[]> encodedEvidence = evidence.stream().map(EvidenceCodec::encode).toList();
    return new ExecutionResult(
        state.commit(),
        ListRoot.of(rawTransactions),
        ListRoot.of(encodedReceipts),
        ListRoot.of(encodedEvidence),
        transactionHashes,
        gasUsed,
        all,
        bloom,
        burned,
        next,
        state.nodes());
  }

  private void checkNextSet(Optional<ValidatorSet> next) {
    boolean endsEpoch = Epochs.endsEpoch(context.number(), params.epochLengthBlocks());
    if (endsEpoch && next.isEmpty()) {
      throw new IllegalStateException(
          "system module returned no validator set at block "
              + context.number()
              + ", which ends epoch "
              + context.epoch());
    }
    if (!endsEpoch && next.isPresent()) {
      throw new IllegalStateException(
          "system module returned a validator set at block "
              + context.number()
              + ", which does not end an epoch");
    }
    if (next.isPresent() && next.get().epoch() != context.epoch() + 1) {
      throw new IllegalStateException(
          "system module returned the set of epoch "
              + next.get().epoch()
              + " at the end of epoch "
              + context.epoch());
    }
  }
}
