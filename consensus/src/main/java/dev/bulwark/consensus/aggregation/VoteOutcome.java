package dev.bulwark.consensus.aggregation;

import dev.bulwark.consensus.message.PeerId;
import dev.bulwark.ledger.chain.QuorumCertificate;
import java.util.List;
import java.util.Optional;

/**
 * What adding a vote produced: a new QC (at most once per block), and the peers that sent votes
 * whose signatures turned out invalid (to be penalised).
 */
public record VoteOutcome(Optional<QuorumCertificate> qc, List<PeerId> badSenders) {
  /** Nothing happened. */
  public static final VoteOutcome NONE = new VoteOutcome(Optional.empty(), List.of());

  public VoteOutcome {
    badSenders = List.copyOf(badSenders);
  }
}
