package dev.bulwark.rpc.proof;

/** A commit proof that does not verify offline, with the exact reason. */
public final class ProofException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why the proof was refused. */
  public enum Reason {
    /** A member is missing, not hex, or not a valid encoding. */
    MALFORMED,
    /** Signed for another chain id than the genesis's. */
    WRONG_CHAIN,
    /** The aggregate BLS signature does not verify for the signers in the bitmap. */
    BAD_AGGREGATE_SIGNATURE,
    /** The signers hold less than floor(2W/3)+1 of the epoch's voting power. */
    POWER_BELOW_QUORUM,
    /** An epoch-change proof is missing, out of order, or does not bind the next set. */
    BROKEN_EPOCH_CHAIN,
    /** A QC or block of an epoch whose validator set the epoch chain does not reach. */
    UNKNOWN_EPOCH,
    /** A header does not hash to the claimed block, or the headers and QC do not link. */
    BLOCK_HASH_MISMATCH,
    /** The QC does not have the two-chain commit shape (round = parent round + 1). */
    NOT_A_COMMIT
  }

  private final Reason reason;

  /** A refusal for {@code reason}, detailed by {@code message}. */
  public ProofException(Reason reason, String message) {
    super(reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": " + message);
    this.reason = reason;
  }

  /** A refusal for {@code reason} caused by {@code cause}. */
  public ProofException(Reason reason, String message, Throwable cause) {
    this(reason, message);
    initCause(cause);
  }

  /** Why the proof was refused. */
  public Reason reason() {
    return reason;
  }
}
