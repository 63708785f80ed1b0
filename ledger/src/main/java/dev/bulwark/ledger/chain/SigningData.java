package dev.bulwark.ledger.chain;

import dev.bulwark.ledger.types.Bytes;

/**
 * What a validator signs with its BLS key: a vote, a proposal or a timeout. The signing bytes
 * open with the kind's domain tag, so bytes signed as one kind never parse as another.
 */
public sealed interface SigningData permits VoteData, ProposalData, TimeoutData {
  /** The kind of message (also the kind of evidence two conflicting ones make). */
  EvidenceKind kind();

  /** The chain the message belongs to. */
  long chainId();

  /** The epoch the message was signed in. */
  long epoch();

  /** The consensus round the message is for. */
  long round();

  /** The canonical bytes to sign: domain tag, then the fields (see {@link SigningCodec}). */
  default Bytes signingBytes() {
    return Bytes.of(SigningCodec.encode(this));
  }
}
