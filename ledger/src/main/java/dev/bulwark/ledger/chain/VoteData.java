package dev.bulwark.ledger.chain;

import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;

/**
 * A vote for block {@code blockId} of {@code round}, naming its parent so that a QC on it can
 * prove the parent committed (two-chain rule, see {@link CommitProof}).
 *
 * <p>Round 0 exists only in an epoch's unsigned root certificate ({@link
 * QuorumCertificate#genesis}); there the parent round is 0 too. Otherwise the parent's round is
 * strictly lower than the block's.
 */
public record VoteData(
    long chainId, long epoch, long round, Hash blockId, Hash parentId, long parentRound)
    implements SigningData {
  public VoteData {
    Require.nonNegative(chainId, "chain id");
    Require.nonNegative(epoch, "epoch");
    Require.nonNegative(round, "round");
    Require.present(blockId, "block id");
    Require.present(parentId, "parent id");
    Require.nonNegative(parentRound, "parent round");
    if (round > 0 ? parentRound >= round : parentRound != 0) {
      throw new IllegalArgumentException(
          "parent round " + parentRound + " must be below the vote's round " + round);
    }
  }

  @Override
  public EvidenceKind kind() {
    return EvidenceKind.VOTE;
  }

  /** Parses vote signing bytes; DecodeException for anything else. */
  public static VoteData fromSigningBytes(Bytes bytes) {
    return SigningCodec.decodeVote(bytes.toArray());
  }
}
