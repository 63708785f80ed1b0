package dev.bulwark.ledger.chain;

import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;

/** What a leader signs when it proposes block {@code blockId} for {@code round}. */
public record ProposalData(long chainId, long epoch, long round, Hash blockId)
    implements SigningData {
  public ProposalData {
    Require.nonNegative(chainId, "chain id");
    Require.nonNegative(epoch, "epoch");
    Require.nonNegative(round, "round");
    Require.present(blockId, "block id");
  }

  @Override
  public EvidenceKind kind() {
    return EvidenceKind.PROPOSAL;
  }

  /** Parses proposal signing bytes; DecodeException for anything else. */
  public static ProposalData fromSigningBytes(Bytes bytes) {
    return SigningCodec.decodeProposal(bytes.toArray());
  }
}
