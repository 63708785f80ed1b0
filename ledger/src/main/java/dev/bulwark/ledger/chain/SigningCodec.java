package dev.bulwark.ledger.chain;

import dev.bulwark.ledger.codec.DecodeException;
import dev.bulwark.ledger.codec.Rlp;
import dev.bulwark.ledger.codec.RlpItem;
import dev.bulwark.ledger.codec.RlpReader;
import dev.bulwark.ledger.types.Bytes;
import java.nio.charset.StandardCharsets;

/**
 * The signing bytes of votes, proposals and timeouts: the RLP list {@code [domain, chainId,
 * epoch, round, ...fields]} with the kind's ASCII domain tag ("vote", "proposal", "timeout")
 * first. Strict RLP makes the bytes canonical (one encoding per message), and the leading tag
 * makes the kinds disjoint: bytes of one kind fail to decode as any other.
 *
 * <pre>
 * vote     = ["vote", chainId, epoch, round, blockId(32), parentId(32), parentRound]
 * proposal = ["proposal", chainId, epoch, round, blockId(32)]
 * timeout  = ["timeout", chainId, epoch, round, highQcRound]
 * </pre>
 */
public final class SigningCodec {
  private SigningCodec() {}

  /** The signing bytes of {@code data}. */
  public static byte[] encode(SigningData data) {
    return Rlp.encode(rlp(data));
  }

  /** The signing bytes of {@code data} as an RLP item (for embedding in certificates). */
  public static RlpItem rlp(SigningData data) {
    RlpItem tag = Rlp.str(data.kind().domain().getBytes(StandardCharsets.US_ASCII));
    RlpItem chain = Rlp.uint(data.chainId());
    RlpItem epoch = Rlp.uint(data.epoch());
    RlpItem round = Rlp.uint(data.round());
    if (data instanceof VoteData v) {
      return Rlp.list(
          tag, chain, epoch, round, Rlp.str(v.blockId().bytes()), Rlp.str(v.parentId().bytes()),
          Rlp.uint(v.parentRound()));
    }
    if (data instanceof ProposalData p) {
      return Rlp.list(tag, chain, epoch, round, Rlp.str(p.blockId().bytes()));
    }
    TimeoutData t = (TimeoutData) data;
    return Rlp.list(tag, chain, epoch, round, Rlp.uint(t.highQcRound()));
  }

  /** Parses signing bytes of the given kind. */
  public static SigningData decode(EvidenceKind kind, byte[] bytes) {
    return read(kind, Rlp.decode(bytes));
  }

  /** Parses vote signing bytes. */
  public static VoteData decodeVote(byte[] bytes) {
    return (VoteData) decode(EvidenceKind.VOTE, bytes);
  }

  /** Parses proposal signing bytes. */
  public static ProposalData decodeProposal(byte[] bytes) {
    return (ProposalData) decode(EvidenceKind.PROPOSAL, bytes);
  }

  /** Parses timeout signing bytes. */
  public static TimeoutData decodeTimeout(byte[] bytes) {
    return (TimeoutData) decode(EvidenceKind.TIMEOUT, bytes);
  }

  /** Reads an embedded vote item. */
  public static VoteData readVote(RlpItem item) {
    return (VoteData) read(EvidenceKind.VOTE, item);
  }

  /** Reads signing data of {@code kind} from an RLP item. */
  public static SigningData read(EvidenceKind kind, RlpItem item) {
    String what = kind.domain() + " signing data";
    return Decoding.guard(what, () -> {
      RlpReader r = RlpReader.of(item, what);
      Bytes tag = r.bytes();
      if (!tag.equals(Bytes.of(kind.domain().getBytes(StandardCharsets.US_ASCII)))) {
        throw new DecodeException(what + ": domain tag is not '" + kind.domain() + "'");
      }
      long chainId = r.longValue();
      long epoch = r.longValue();
      long round = r.longValue();
      SigningData data = switch (kind) {
        case VOTE -> new VoteData(chainId, epoch, round, r.hash(), r.hash(), r.longValue());
        case PROPOSAL -> new ProposalData(chainId, epoch, round, r.hash());
        case TIMEOUT -> new TimeoutData(chainId, epoch, round, r.longValue());
      };
      r.end();
      return data;
    });
  }
}
