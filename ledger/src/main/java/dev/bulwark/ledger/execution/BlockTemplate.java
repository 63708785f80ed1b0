package dev.bulwark.ledger.execution;

import dev.bulwark.ledger.chain.QuorumCertificate;
import dev.bulwark.ledger.types.Address;
import java.util.List;

/**
 * What consensus decides about a block it proposes; the builder derives the rest (number, epoch,
 * gas limit, base fee, gas used, roots) from the parent and the execution.
 *
 * @param timestampMillis proposal time; raised to the parent's + 1 if not after it
 * @param proposer the leader's account address (receives the priority fees)
 * @param round the proposal's round
 * @param skippedRounds rounds since the parent that ended in a timeout certificate, ascending
 * @param parentQc the certificate of the parent block
 */
public record BlockTemplate(
    long timestampMillis,
    Address proposer,
    long round,
    List<Long> skippedRounds,
    QuorumCertificate parentQc) {
  public BlockTemplate {
    skippedRounds = List.copyOf(skippedRounds);
    if (proposer == null || parentQc == null) {
      throw new IllegalArgumentException("proposer and parent QC are required");
    }
  }
}
