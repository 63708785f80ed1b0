package dev.bulwark.consensus.sim;

import dev.bulwark.consensus.message.ConsensusMessage;
import dev.bulwark.consensus.message.ProposalMessage;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.chain.QuorumCertificate;

/**
 * A silent leader right after every epoch-ending round: the network loses each proposal that
 * extends an epoch-ending block in the very next round. That round then times out, the first tail
 * block carries the epoch end's QC with a round gap, and the epoch end is committed through a tail
 * proof (commit proof on a tail block, the tail as proof path), which catch-up must handle.
 */
final class TailGap {
  private TailGap() {}

  /** True when {@code message} is a proposal the silent leader after an epoch end would make. */
  static boolean opens(ConsensusMessage message, Plan plan) {
    if (!(message instanceof ProposalMessage p)) {
      return false;
    }
    BlockHeader h = p.block().header();
    QuorumCertificate qc = p.parentQc();
    long parentNumber = h.number() - 1;
    return !qc.isGenesis()
        && parentNumber > 0
        && parentNumber % plan.epochLength() == 0
        && h.round() == qc.round() + 1;
  }
}
