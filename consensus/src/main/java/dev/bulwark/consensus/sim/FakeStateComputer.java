package dev.bulwark.consensus.sim;

import dev.bulwark.consensus.port.CommitRefusedException;
import dev.bulwark.consensus.port.DraftResult;
import dev.bulwark.consensus.port.ExecutionOutcome;
import dev.bulwark.consensus.port.ExecutionResult;
import dev.bulwark.consensus.port.InMemoryCommittedChain;
import dev.bulwark.consensus.port.StateComputer;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.chain.CommitProof;
import dev.bulwark.ledger.chain.Evidence;
import dev.bulwark.ledger.chain.ValidatorInfo;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.chain.VerificationException;
import dev.bulwark.ledger.codec.Rlp;
import dev.bulwark.ledger.codec.RlpItem;
import dev.bulwark.ledger.crypto.Keccak;
import dev.bulwark.ledger.crypto.bls.SignatureScheme;
import dev.bulwark.ledger.types.Hash;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * The simulation's ledger: a pure function. state root = keccak256(parent state root ‖ number ‖
 * transactions root ‖ evidence root); the roots hash the body. A block is invalid when its evidence
 * does not verify against the offender's key in the evidence's epoch. A leader's draft comes
 * back completed, as the node's ledger rebuilds it; commits append to the node's in-memory chain.
 */
public final class FakeStateComputer implements StateComputer {
  /** Gas limit of every simulated block. */
  public static final long GAS_LIMIT = 30_000_000L;

  private final long chainId;
  private final EpochSchedule epochs;
  private final SignatureScheme scheme;
  private final InMemoryCommittedChain chain;
  private final long epochLength;

  /**
   * A state computer for chain {@code chainId}, checking evidence under {@code scheme}, committing
   * to {@code chain} in epochs of {@code epochLength} blocks.
   */
  public FakeStateComputer(
      long chainId,
      EpochSchedule epochs,
      SignatureScheme scheme,
      InMemoryCommittedChain chain,
      long epochLength) {
    this.chainId = chainId;
    this.epochs = epochs;
    this.scheme = scheme;
    this.chain = chain;
    this.epochLength = epochLength;
  }

  /** The state root of the genesis block. */
  public static Hash genesisStateRoot(long chainId) {
    return Keccak.hash(
        Rlp.encode(
            Rlp.list(
                Rlp.str("genesis".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                Rlp.uint(chainId))));
  }

  @Override
  public ExecutionOutcome execute(Block block, BlockHeader parent) {
    for (Evidence e : block.evidence()) {
      if (!valid(e)) {
        return new ExecutionOutcome.Invalid("evidence " + e.id() + " does not verify");
      }
    }
    Hash txRoot = rootOf(block.transactions().stream().map(Rlp::str).toList());
    Hash evidenceRoot =
        rootOf(block.evidence().stream().map(e -> Rlp.str(e.id().bytes())).toList());
    Hash receipts = Keccak.hash(Rlp.encode(Rlp.list(Rlp.str(txRoot.bytes()), Rlp.uint(1))));
    Hash state =
        Keccak.hash(
            Rlp.encode(
                Rlp.list(
                    Rlp.str(parent.stateRoot().bytes()),
                    Rlp.uint(block.header().number()),
                    Rlp.str(txRoot.bytes()),
                    Rlp.str(evidenceRoot.bytes()))));
    return new ExecutionOutcome.Executed(
        new ExecutionResult(
            state,
            txRoot,
            receipts,
            evidenceRoot,
            GAS_LIMIT,
            21_000L * block.transactions().size(),
            BigInteger.ONE));
  }

  @Override
  public DraftResult build(Block draft, BlockHeader parent) {
    ExecutionOutcome outcome = execute(draft, parent);
    if (outcome instanceof ExecutionOutcome.Executed x) {
      BlockHeader header = x.result().applyTo(draft.header().toBuilder()).build();
      return DraftResult.rebuilt(x, new Block(header, draft.transactions(), draft.evidence()));
    }
    return DraftResult.asIs(outcome);
  }

  @Override
  public Optional<ValidatorSet> commit(
      List<Block> blocks, CommitProof proof, List<BlockHeader> proofPath)
      throws CommitRefusedException {
    try {
      chain.append(blocks, proof, proofPath);
    } catch (IllegalArgumentException e) {
      throw new CommitRefusedException(e.getMessage(), e);
    }
    BlockHeader last = blocks.get(blocks.size() - 1).header();
    return last.number() % epochLength == 0
        ? Optional.of(epochs.set(last.epoch() + 1))
        : Optional.empty();
  }

  private boolean valid(Evidence e) {
    Optional<ValidatorInfo> offender = epochs.set(e.epoch()).find(e.validator());
    if (offender.isEmpty()) {
      return false;
    }
    try {
      e.verify(offender.get().blsKey(), chainId, scheme);
      return true;
    } catch (VerificationException ex) {
      return false;
    }
  }

  private static Hash rootOf(List<RlpItem> items) {
    return Keccak.hash(Rlp.encode(Rlp.list(items)));
  }
}
