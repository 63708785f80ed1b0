package dev.bulwark.consensus.round;

/** Why a peer is penalised: what was wrong with a message it sent. */
public enum PenaltyReason {
  /** Bytes that do not decode as a consensus message. */
  MALFORMED,
  /** A signature that does not verify under the claimed author's key. */
  BAD_SIGNATURE,
  /** The claimed author is not a validator of the message's epoch. */
  NOT_A_VALIDATOR,
  /** A proposal from a validator that does not lead its round. */
  WRONG_LEADER,
  /** A QC or TC that does not verify or does not fit the block it names. */
  INVALID_CERTIFICATE,
  /** A block that breaks a header rule or does not fit its parent. */
  INVALID_BLOCK,
  /** A timestamp or round too far ahead of the local clock or round. */
  TOO_FAR_IN_FUTURE,
  /** More messages for future epochs than the buffer holds per peer. */
  WRONG_EPOCH,
  /** A response to nothing asked, or one that does not answer the request. */
  UNREQUESTED
}
