package dev.bulwark.consensus.env;

import dev.bulwark.consensus.port.CommitRefusedException;
import dev.bulwark.consensus.port.DraftResult;
import dev.bulwark.consensus.port.ExecutionOutcome;
import dev.bulwark.consensus.port.ExecutionResult;
import dev.bulwark.consensus.port.StateComputer;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.chain.CommitProof;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.codec.DecodeException;
import dev.bulwark.ledger.execution.BlockTemplate;
import dev.bulwark.ledger.execution.BuiltBlock;
import dev.bulwark.ledger.execution.FeeMarket;
import dev.bulwark.ledger.execution.InvalidBlockException;
import dev.bulwark.ledger.mempool.Mempool;
import dev.bulwark.ledger.store.Ledger;
import dev.bulwark.ledger.store.UnknownParentException;
import dev.bulwark.ledger.tx.SignedTransaction;
import dev.bulwark.ledger.tx.TransactionCodec;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real ledger behind consensus: executes proposed blocks, rebuilds the leader's draft from its
 * candidates on the parent's state, and commits finalised blocks (one synced batch), then brings
 * the mempool and the pending evidence up to the new head. The node's ledger worker calls it over
 * LevelDB; the simulation runs it over an in-memory store. Calls must be serialised (one thread).
 */
public final class LedgerStateComputer implements StateComputer {
  private static final Logger LOG = LoggerFactory.getLogger(LedgerStateComputer.class);

  private final Ledger ledger;
  private final Mempool mempool;
  private final PendingEvidence evidence;

  /** Executes and commits on {@code ledger}; keeps {@code mempool} and {@code evidence} current. */
  public LedgerStateComputer(Ledger ledger, Mempool mempool, PendingEvidence evidence) {
    this.ledger = ledger;
    this.mempool = mempool;
    this.evidence = evidence;
  }

  @Override
  public ExecutionOutcome execute(Block block, BlockHeader parent) {
    if (EpochTail.isTail(block.header(), ledger.params().epochLengthBlocks())) {
      return tail(block, parent);
    }
    try {
      return new ExecutionOutcome.Executed(toConsensus(block.header(), ledger.execute(block)));
    } catch (InvalidBlockException e) {
      LOG.debug("block {} is invalid: {}", block.header().number(), e.getMessage());
      return new ExecutionOutcome.Invalid(e.getMessage());
    } catch (UnknownParentException e) {
      return unavailable(block, e);
    }
  }

  @Override
  public DraftResult build(Block draft, BlockHeader parent) {
    if (EpochTail.isTail(draft.header(), ledger.params().epochLengthBlocks())) {
      return DraftResult.asIs(tail(draft, parent));
    }
    BlockHeader h = draft.header();
    List<SignedTransaction> candidates = new ArrayList<>(draft.transactions().size());
    for (Bytes raw : draft.transactions()) {
      try {
        candidates.add(TransactionCodec.decode(raw));
      } catch (DecodeException e) {
        LOG.debug("leaving an undecodable transaction out of the draft: {}", e.getMessage());
      }
    }
    BlockTemplate template = new BlockTemplate(h.timestampMillis(), h.proposer(), h.round(),
        h.skippedRounds(), h.parentQc().orElseThrow());
    BuiltBlock built;
    try {
      built = ledger.build(template, candidates, draft.evidence());
    } catch (UnknownParentException e) {
      return DraftResult.asIs(unavailable(draft, e));
    }
    draft.evidence().stream()
        .filter(e -> !built.block().evidence().contains(e))
        .forEach(evidence::drop);
    return DraftResult.rebuilt(
        new ExecutionOutcome.Executed(toConsensus(built.block().header(), built.result())),
        built.block());
  }

  @Override
  public Optional<ValidatorSet> commit(
      List<Block> blocks, CommitProof proof, List<BlockHeader> proofPath)
      throws CommitRefusedException {
    List<Hash> included;
    try {
      included = ledger.commit(blocks, proof, proofPath);
    } catch (InvalidBlockException | RuntimeException e) {
      // the store refuses a batch that does not extend its head by unchecked exceptions, and
      // writes nothing: whatever the cause, consensus and this ledger now disagree
      LOG.error("cannot commit blocks {}..{}: {}", blocks.get(0).header().number(),
          blocks.get(blocks.size() - 1).header().number(), e.toString());
      throw new CommitRefusedException(e.toString(), e);
    }
    BlockHeader head = ledger.head();
    mempool.onCommit(included, ledger.accountView(), FeeMarket.nextBaseFee(head, ledger.params()));
    evidence.committed(blocks);
    if (head.number() % ledger.params().epochLengthBlocks() != 0) {
      return Optional.empty();
    }
    Optional<ValidatorSet> next = ledger.validatorSet(head.epoch() + 1);
    if (next.isEmpty()) {
      LOG.error("block {} ends epoch {} but the ledger has no next validator set", head.number(),
          head.epoch());
    }
    return next;
  }

  private ExecutionOutcome tail(Block block, BlockHeader parent) {
    return EpochTail.execute(block, parent)
        .<ExecutionOutcome>map(ExecutionOutcome.Executed::new)
        .orElseGet(
            () -> new ExecutionOutcome.Invalid("a block after the epoch end carries content"));
  }

  private static ExecutionOutcome unavailable(Block block, UnknownParentException e) {
    // this node lacks the parent's state (forgotten, or a branch it never ran): says nothing
    // about the block, so consensus retries rather than refusing it
    LOG.debug("cannot execute block {} now: {}", block.header().number(), e.getMessage());
    return new ExecutionOutcome.Unavailable(e.getMessage());
  }

  private static ExecutionResult toConsensus(
      BlockHeader header, dev.bulwark.ledger.execution.ExecutionResult r) {
    return new ExecutionResult(r.stateRoot(), r.transactionsRoot(), r.receiptsRoot(),
        r.evidenceRoot(), header.gasLimit(), r.gasUsed(), header.baseFeePerGas());
  }
}
