package dev.bulwark.consensus.round;

import dev.bulwark.consensus.port.ExecutionResult;
import dev.bulwark.consensus.port.Payload;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.chain.QuorumCertificate;
import dev.bulwark.ledger.types.Address;
import java.util.Optional;

/**
 * A leader's block in two steps: the draft (parent, round, time, payload; execution fields zero)
 * goes to execution, whose result completes the header before the leader signs it.
 */
final class ProposalDrafts {
  private ProposalDrafts() {}

  /**
   * The draft of the block for {@code round} on {@code parent} (certified by {@code qc}); an empty
   * payload option means the block must stay empty (after the epoch-ending block).
   */
  static Block draft(
      Block parent,
      QuorumCertificate qc,
      long round,
      long now,
      Address proposer,
      long epoch,
      Optional<Payload> payload) {
    BlockHeader p = parent.header();
    BlockHeader header =
        BlockHeader.builder()
            .parentQc(qc)
            .number(p.number() + 1)
            .timestampMillis(Math.max(now, p.timestampMillis() + 1))
            .proposer(proposer)
            .epoch(epoch)
            .round(round)
            .skippedRounds(BlockRules.skippedRounds(qc.round(), round))
            .build();
    Payload body = payload.orElse(Payload.EMPTY);
    return new Block(header, body.transactions(), body.evidence());
  }

  /** The draft with the execution fields filled in: the block the leader signs. */
  static Block complete(Block draft, ExecutionResult result) {
    BlockHeader header = result.applyTo(draft.header().toBuilder()).build();
    return new Block(header, draft.transactions(), draft.evidence());
  }

  /** True when {@code built} keeps every field of {@code draft} that consensus decided. */
  static boolean sameSlot(BlockHeader draft, BlockHeader built) {
    return draft.parentHash().equals(built.parentHash())
        && draft.parentQc().equals(built.parentQc())
        && draft.number() == built.number()
        && draft.timestampMillis() == built.timestampMillis()
        && draft.proposer().equals(built.proposer())
        && draft.epoch() == built.epoch()
        && draft.round() == built.round()
        && draft.skippedRounds().equals(built.skippedRounds());
  }
}
