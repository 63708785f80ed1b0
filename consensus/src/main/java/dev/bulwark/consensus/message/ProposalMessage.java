package dev.bulwark.consensus.message;

import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.ProposalData;
import dev.bulwark.ledger.chain.QuorumCertificate;
import dev.bulwark.ledger.chain.TimeoutCertificate;
import dev.bulwark.ledger.crypto.bls.BlsSignature;
import dev.bulwark.ledger.types.Address;
import java.util.Optional;

/**
 * A leader's proposal: the block (whose header carries the QC of its parent), the leader's
 * signature over its {@link ProposalData}, and the TC of the previous round when that round timed
 * out (the two-chain rule lets voters accept a block that follows a TC).
 */
public record ProposalMessage(
    Block block, BlsSignature signature, Optional<TimeoutCertificate> lastRoundTc)
    implements EpochMessage {
  public ProposalMessage {
    Checks.present(block, "block");
    Checks.present(signature, "signature");
    Checks.present(lastRoundTc, "last round TC option");
    if (block.header().parentQc().isEmpty()) {
      throw new IllegalArgumentException("the genesis block is never proposed");
    }
    QuorumCertificate qc = block.header().parentQc().get();
    if (qc.epoch() != block.header().epoch()) {
      throw new IllegalArgumentException(
          "parent QC is from epoch " + qc.epoch() + ", the block from " + block.header().epoch());
    }
    lastRoundTc.ifPresent(
        tc -> Checks.previousRoundTc(tc, block.header().epoch(), block.header().round()));
  }

  @Override
  public long epoch() {
    return block.header().epoch();
  }

  @Override
  public long round() {
    return block.header().round();
  }

  /** The proposer named in the header. */
  public Address author() {
    return block.header().proposer();
  }

  /** The QC of the parent block. */
  public QuorumCertificate parentQc() {
    return block.header().parentQc().orElseThrow();
  }

  /** What the proposer signed, for chain {@code chainId}. */
  public ProposalData proposalData(long chainId) {
    return new ProposalData(chainId, epoch(), round(), block.hash());
  }
}
