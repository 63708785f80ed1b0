package dev.bulwark.ledger.chain;

import dev.bulwark.ledger.types.Bytes;

/**
 * A validator's timeout for {@code round}, carrying the round of the highest QC it holds; 2f+1
 * of them (by power) aggregate into a {@link TimeoutCertificate}.
 */
public record TimeoutData(long chainId, long epoch, long round, long highQcRound)
    implements SigningData {
  public TimeoutData {
    Require.nonNegative(chainId, "chain id");
    Require.nonNegative(epoch, "epoch");
    Require.nonNegative(round, "round");
    Require.nonNegative(highQcRound, "high QC round");
    if (highQcRound >= round) {
      throw new IllegalArgumentException(
          "high QC round " + highQcRound + " must be below the timeout's round " + round);
    }
  }

  @Override
  public EvidenceKind kind() {
    return EvidenceKind.TIMEOUT;
  }

  /** Parses timeout signing bytes; DecodeException for anything else. */
  public static TimeoutData fromSigningBytes(Bytes bytes) {
    return SigningCodec.decodeTimeout(bytes.toArray());
  }
}
