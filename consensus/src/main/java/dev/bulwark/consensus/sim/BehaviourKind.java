package dev.bulwark.consensus.sim;

/** How a simulated node behaves on the wire. Twins are two HONEST nodes sharing one key. */
public enum BehaviourKind {
  /** Follows the protocol. */
  HONEST,
  /** Runs but never sends anything. */
  SILENT,
  /** Sends everything late. */
  DELAYER,
  /** As leader, sends different proposals to different validators. */
  EQUIVOCATOR,
  /** Sends a second, conflicting vote with each vote. */
  DOUBLE_VOTER,
  /** Sends its messages with bad signatures, also in other validators' names. */
  FORGER,
  /** Floods malformed, duplicate, wrong-epoch and non-validator messages. */
  SPAMMER,
  /**
   * Coordinates with the other colluders: withholds votes from honest leaders, splits the honest
   * set.
   */
  COLLUDER,
  /** Lies in its answers to block and committed-block requests (see {@link SyncLiar}). */
  SYNC_LIAR,
  /** Floods the equivocation detectors in its own name, then equivocates (see {@link Flooder}). */
  FLOODER,
  /** A peer without a seat that sends nothing of its own, only what a flooder passes it. */
  ACCOMPLICE
}
