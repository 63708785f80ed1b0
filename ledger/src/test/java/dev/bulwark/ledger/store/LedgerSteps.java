package dev.bulwark.ledger.store;

import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.chain.Evidence;
import dev.bulwark.ledger.chain.QuorumCertificate;
import dev.bulwark.ledger.chain.SignerBitmap;
import dev.bulwark.ledger.chain.VoteData;
import dev.bulwark.ledger.crypto.bls.BlsSignature;
import dev.bulwark.ledger.execution.BuiltBlock;
import dev.bulwark.ledger.execution.ChainFixture;
import dev.bulwark.ledger.execution.InvalidBlockException;
import dev.bulwark.ledger.execution.ListRoot;
import dev.bulwark.ledger.tx.SignedTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Drives a {@link Ledger} the way the node will: build on the head, commit with a proof. */
final class LedgerSteps {
  private LedgerSteps() {}

  /** Builds a block of {@code txs} on the head and commits it; returns it. */
  static Block advance(Ledger ledger, ChainFixture f, List<SignedTransaction> txs) {
    return advance(ledger, f, txs, List.of(), 0);
  }

  static Block advance(
      Ledger ledger,
      ChainFixture f,
      List<SignedTransaction> txs,
      List<Evidence> evidence,
      int skipped) {
    BuiltBlock built = ledger.build(f.template(ledger.head(), skipped), txs, evidence);
    try {
      ledger.commit(built.block(), f.commitProof(built.block().header()));
    } catch (InvalidBlockException e) {
      throw new AssertionError("a built block must be valid", e);
    }
    return built.block();
  }

  /**
   * Builds {@code count} blocks on the head, each on the previous uncommitted one, with the
   * transactions {@code txs} gives for the parent header; nothing is committed.
   */
  static List<BuiltBlock> buildChain(
      Ledger ledger,
      ChainFixture f,
      int count,
      Function<BlockHeader, List<SignedTransaction>> txs) {
    List<BuiltBlock> built = new ArrayList<>();
    BlockHeader parent = ledger.head();
    for (int i = 0; i < count; i++) {
      BuiltBlock b = ledger.build(f.template(parent, 0), txs.apply(parent), List.of());
      built.add(b);
      parent = b.block().header();
    }
    return built;
  }

  /** The blocks of {@code built}. */
  static List<Block> blocks(List<BuiltBlock> built) {
    return built.stream().map(BuiltBlock::block).toList();
  }

  /**
   * The headers of {@code length} empty descendants of {@code last} in its own epoch, each
   * certifying its parent in the next round: what follows an epoch-ending block until a commit
   * proof reaches past it.
   */
  static List<BlockHeader> proofPath(BlockHeader last, int length) {
    List<BlockHeader> path = new ArrayList<>();
    BlockHeader parent = last;
    for (int i = 0; i < length; i++) {
      parent = emptyChild(parent);
      path.add(parent);
    }
    return path;
  }

  private static BlockHeader emptyChild(BlockHeader parent) {
    long parentQcRound = parent.parentQc().map(QuorumCertificate::round).orElse(0L);
    VoteData vote =
        new VoteData(
            ChainFixture.CHAIN_ID,
            parent.epoch(),
            parent.round(),
            parent.hash(),
            parent.parentHash(),
            parentQcRound);
    QuorumCertificate qc =
        new QuorumCertificate(vote, BlsSignature.INFINITY, SignerBitmap.of(4, 0, 1, 2));
    return parent.toBuilder()
        .number(parent.number() + 1)
        .timestampMillis(parent.timestampMillis() + 1000)
        .round(parent.round() + 1)
        .skippedRounds(List.of())
        .gasUsed(0)
        .transactionsRoot(ListRoot.EMPTY)
        .receiptsRoot(ListRoot.EMPTY)
        .evidenceRoot(ListRoot.EMPTY)
        .parentQc(qc)
        .build();
  }
}
