package dev.bulwark.consensus.aggregation;

import dev.bulwark.ledger.chain.TimeoutCertificate;
import java.util.Optional;

/**
 * What adding a timeout produced: whether the round's timeouts just reached f+1 power (time to join
 * them), and the TC once they reach the quorum (each reported once per round).
 */
public record TimeoutOutcome(boolean joinThresholdReached, Optional<TimeoutCertificate> tc) {
  /** Nothing happened. */
  public static final TimeoutOutcome NONE = new TimeoutOutcome(false, Optional.empty());
}
