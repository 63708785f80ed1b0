package dev.bulwark.consensus.evidence;

import dev.bulwark.ledger.chain.Evidence;
import java.util.Optional;

/**
 * The detector's verdict on one signed message: whether its signature was found bad (only checked
 * when it conflicts with another message) and any new evidence it completes.
 */
public record Observation(boolean badSignature, Optional<Evidence> evidence) {
  /** Nothing to report. */
  public static final Observation NOTHING = new Observation(false, Optional.empty());

  /** The message's signature does not verify. */
  public static final Observation BAD_SIGNATURE = new Observation(true, Optional.empty());
}
