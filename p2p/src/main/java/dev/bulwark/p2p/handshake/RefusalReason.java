package dev.bulwark.p2p.handshake;

/** Why a handshake was refused; the wire reason text starts with the enum name. */
public enum RefusalReason {
  /** Different protocol version. */
  PROTOCOL_VERSION,
  /** Different chain id. */
  CHAIN_ID,
  /** Different genesis / chain identity bytes. */
  GENESIS,
  /** The node key is not a valid Ed25519 point of large order. */
  INVALID_NODE_KEY,
  /** The node key is not in the allowed set. */
  NOT_AUTHORIZED,
  /** The node key is banned for misbehaviour. */
  BANNED,
  /** The handshake signature does not verify. */
  BAD_SIGNATURE,
  /** We dialled ourselves. */
  SELF,
  /** Unexpected or undecodable handshake frame. */
  MALFORMED,
  /** The handshake did not finish in time. */
  TIMEOUT
}
