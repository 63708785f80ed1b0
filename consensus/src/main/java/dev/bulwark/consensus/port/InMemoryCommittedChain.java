package dev.bulwark.consensus.port;

import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.chain.CommitProof;
import dev.bulwark.ledger.chain.Finality;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A committed chain in memory: for tests and the simulation, where it plays the part of the
 * ledger's store (kept across a simulated crash). Appends must extend the chain.
 */
public final class InMemoryCommittedChain implements CommittedChain {
  private final List<Block> blocks = new ArrayList<>();
  private final List<Finality> finality = new ArrayList<>();

  /** A chain holding only {@code genesis} (block 0). */
  public InMemoryCommittedChain(Block genesis) {
    if (genesis.header().number() != 0) {
      throw new IllegalArgumentException("the chain starts with block 0");
    }
    blocks.add(genesis);
    finality.add(null);
  }

  /**
   * Appends a commit: {@code committed} must continue the chain; IllegalArgumentException if not.
   */
  public void append(List<Block> committed, CommitProof proof, List<BlockHeader> proofPath) {
    Block tip = lastBlock();
    for (Block b : committed) {
      if (!b.header().parentHash().equals(tip.hash())
          || b.header().number() != tip.header().number() + 1) {
        throw new IllegalArgumentException(
            "block "
                + b.header().number()
                + " does not extend the committed chain at "
                + tip.header().number());
      }
      tip = b;
    }
    Finality record = new Finality(proof, proofPath, tip.header().number());
    for (Block b : committed) {
      blocks.add(b);
      finality.add(record);
    }
  }

  @Override
  public long height() {
    return blocks.size() - 1L;
  }

  @Override
  public Optional<Block> block(long number) {
    return number < 0 || number >= blocks.size()
        ? Optional.empty()
        : Optional.of(blocks.get((int) number));
  }

  @Override
  public Optional<Finality> finality(long number) {
    return number < 1 || number >= blocks.size()
        ? Optional.empty()
        : Optional.of(finality.get((int) number));
  }
}
