package dev.bulwark.p2p.scoring;

/**
 * Misbehaviour that lowers a peer's score, with its default penalty. With the default ban
 * threshold of 100, one oversize frame bans at once, four malformed frames ban, and a peer that
 * merely exceeds its rate limit needs a sustained flood to be banned.
 */
public enum Offence {
  /** A length prefix above the maximum frame size (the session is closed at once). */
  OVERSIZE_FRAME(100),
  /** A frame too short to carry a type, or a control frame out of place. */
  MALFORMED_FRAME(25),
  /** A message type no upper layer registered. */
  UNKNOWN_TYPE(10),
  /** Upper layer: the payload did not decode. */
  DECODE_FAILURE(20),
  /** Consensus: a signature in the message did not verify (counts against the connection). */
  INVALID_SIGNATURE(25),
  /** Already-seen gossip above the tolerated duplicate rate. */
  DUPLICATE_FLOOD(5),
  /** A frame dropped by the per-session frame or byte rate limit. */
  RATE_LIMITED(1);

  private final double penalty;

  Offence(double penalty) {
    this.penalty = penalty;
  }

  /** Points subtracted from the score. */
  public double penalty() {
    return penalty;
  }
}
