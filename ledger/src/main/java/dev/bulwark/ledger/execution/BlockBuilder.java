package dev.bulwark.ledger.execution;

import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.chain.Evidence;
import dev.bulwark.ledger.state.merkle.MerkleStateTree;
import dev.bulwark.ledger.tx.SignedTransaction;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a proposer's block: executes the candidate transactions in order on the parent and keeps
 * those that may be included (a transaction whose nonce no longer fits after an earlier one was
 * left out, that cannot pay, or that does not fit the remaining gas is dropped), keeps the evidence
 * the system hooks accept, and fills in the header fields execution determines. The result is a
 * block {@link BlockExecutor} accepts, by construction: both run the same steps.
 */
public final class BlockBuilder {
  private static final Logger LOG = LoggerFactory.getLogger(BlockBuilder.class);

  private final ChainParams params;
  private final SystemModule module;
  private final MerkleStateTree tree;

  /** A builder for the chain {@code params} with its system module, over {@code tree}. */
  public BlockBuilder(ChainParams params, SystemModule module, MerkleStateTree tree) {
    this.params = params;
    this.module = module;
    this.tree = tree;
  }

  /**
   * Builds the child of {@code parent} described by {@code template} from {@code candidates}
   * (normally {@code Mempool.selectForBlock}) and {@code evidence}. The template's parent QC must
   * certify the parent.
   */
  public BuiltBlock build(
      ParentState parent,
      BlockTemplate template,
      List<SignedTransaction> candidates,
      List<Evidence> evidence) {
    BlockHeader parentHeader = parent.header();
    if (!template.parentQc().blockId().equals(parentHeader.hash())) {
      throw new IllegalArgumentException(
          "the template's QC certifies "
              + template.parentQc().blockId()
              + ", not the parent "
              + parentHeader.hash());
    }
    long number = parentHeader.number() + 1;
    long epoch = Epochs.epochOf(number, params.epochLengthBlocks());
    BigInteger baseFee = FeeMarket.nextBaseFee(parentHeader, params);
    long timestamp = Math.max(template.timestampMillis(), parentHeader.timestampMillis() + 1);
    BlockContext context =
        new BlockContext(
            params.chainId(),
            number,
            epoch,
            template.round(),
            timestamp,
            template.proposer(),
            baseFee,
            template.skippedRounds());
    BlockRun run = new BlockRun(params, module, tree, parent, context);

    List<Evidence> accepted = admissibleEvidence(run, evidence);
    try {
      run.begin(accepted);
    } catch (InvalidBlockException e) {
      throw new IllegalStateException(
          "system hooks rejected evidence they accepted a moment ago", e);
    }
    List<SignedTransaction> dropped = new ArrayList<>();
    List<Bytes> included = new ArrayList<>();
    for (SignedTransaction tx : candidates) {
      try {
        run.apply(tx);
        included.add(tx.raw());
      } catch (InvalidTransactionException e) {
        LOG.debug("Block {}: leaving out {}: {}", number, tx.hash(), e.getMessage());
        dropped.add(tx);
      }
    }
    ExecutionResult result = run.finish();
    BlockHeader header =
        BlockHeader.builder()
            .number(number)
            .parentQc(template.parentQc())
            .timestampMillis(timestamp)
            .proposer(template.proposer())
            .epoch(epoch)
            .round(template.round())
            .skippedRounds(template.skippedRounds())
            .gasLimit(params.blockGasLimit())
            .gasUsed(result.gasUsed())
            .baseFeePerGas(baseFee)
            .stateRoot(result.stateRoot())
            .transactionsRoot(result.transactionsRoot())
            .receiptsRoot(result.receiptsRoot())
            .evidenceRoot(result.evidenceRoot())
            .build();
    return new BuiltBlock(new Block(header, included, accepted), result, dropped);
  }

  /** The evidence the hooks accept, each item probed together with those accepted before it. */
  private static List<Evidence> admissibleEvidence(BlockRun run, List<Evidence> offered) {
    Map<Hash, Evidence> unique = new LinkedHashMap<>();
    offered.forEach(e -> unique.putIfAbsent(e.id(), e)); // a block holds each offence once
    List<Evidence> candidates = List.copyOf(unique.values());
    if (run.admissible(candidates)) {
      return List.copyOf(candidates);
    }
    List<Evidence> accepted = new ArrayList<>();
    for (Evidence e : candidates) {
      List<Evidence> probe = new ArrayList<>(accepted);
      probe.add(e);
      if (run.admissible(probe)) {
        accepted.add(e);
      } else {
        LOG.debug("Leaving out evidence {}: not admissible", e.id());
      }
    }
    return accepted;
  }
}
