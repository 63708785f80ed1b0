package dev.bulwark.consensus.message;

import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockCodec;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.chain.CertificateCodec;
import dev.bulwark.ledger.chain.CommitProof;
import dev.bulwark.ledger.chain.EvidenceKind;
import dev.bulwark.ledger.chain.SigningCodec;
import dev.bulwark.ledger.chain.TimeoutData;
import dev.bulwark.ledger.codec.DecodeException;
import dev.bulwark.ledger.codec.Rlp;
import dev.bulwark.ledger.codec.RlpItem;
import dev.bulwark.ledger.codec.RlpReader;
import dev.bulwark.ledger.crypto.bls.BlsSignature;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The strict wire format of consensus messages: one RLP list {@code [type, fields...]}, with ledger
 * types embedded through their own codecs. Optional values are lists of zero or one item. Decoding
 * throws only {@link DecodeException}, for malformed bytes and for well-formed bytes that no valid
 * message has (the records' own checks), so the p2p layer can drop the input and penalise the peer
 * that sent it.
 *
 * <pre>
 * proposal  = [1, block, sig(96), [tc?]]
 * vote      = [2, voteSigningData, author(20), sig(96)]
 * timeout   = [3, timeoutSigningData, author(20), sig(96), qc, [tc?]]
 * syncInfo  = [4, epoch, [qc?], [commitQc?], [tc?]]
 * blockReq  = [5, blockId(32), count]
 * blockResp = [6, blockId(32), [block...]]
 * commitReq = [7, fromNumber, maxBlocks]
 * commitResp= [8, fromNumber, highestCommitted, [[[block...], commitProof, [header...]]...]]
 * </pre>
 */
public final class ConsensusMessageCodec {
  /** Largest accepted encoding; bounds the work a hostile peer can cause. */
  public static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

  private static final int PROPOSAL = 1;
  private static final int VOTE = 2;
  private static final int TIMEOUT = 3;
  private static final int SYNC_INFO = 4;
  private static final int BLOCK_REQUEST = 5;
  private static final int BLOCK_RESPONSE = 6;
  private static final int COMMITTED_REQUEST = 7;
  private static final int COMMITTED_RESPONSE = 8;

  private ConsensusMessageCodec() {}

  /** The wire bytes of {@code message}. */
  public static byte[] encode(ConsensusMessage message) {
    return Rlp.encode(rlp(message));
  }

  /** The message encoded in {@code bytes}; DecodeException for anything else. */
  public static ConsensusMessage decode(byte[] bytes) {
    if (bytes.length > MAX_MESSAGE_BYTES) {
      throw new DecodeException(
          "consensus message of " + bytes.length + " bytes exceeds " + MAX_MESSAGE_BYTES);
    }
    return guard("consensus message", () -> read(Rlp.decode(bytes)));
  }

  private static RlpItem rlp(ConsensusMessage message) {
    if (message instanceof ProposalMessage p) {
      return Rlp.list(
          Rlp.uint(PROPOSAL),
          BlockCodec.rlp(p.block()),
          sig(p.signature()),
          opt(p.lastRoundTc(), CertificateCodec::rlp));
    } else if (message instanceof VoteMessage v) {
      return Rlp.list(
          Rlp.uint(VOTE),
          SigningCodec.rlp(v.vote()),
          Rlp.str(v.author().bytes()),
          sig(v.signature()));
    } else if (message instanceof TimeoutMessage t) {
      return Rlp.list(
          Rlp.uint(TIMEOUT),
          SigningCodec.rlp(t.timeout()),
          Rlp.str(t.author().bytes()),
          sig(t.signature()),
          CertificateCodec.rlp(t.highQc()),
          opt(t.lastRoundTc(), CertificateCodec::rlp));
    } else if (message instanceof SyncInfo s) {
      return Rlp.list(
          Rlp.uint(SYNC_INFO),
          Rlp.uint(s.epoch()),
          opt(s.highestQc(), CertificateCodec::rlp),
          opt(s.commitQc(), CertificateCodec::rlp),
          opt(s.highestTc(), CertificateCodec::rlp));
    } else if (message instanceof BlockRetrievalRequest r) {
      return Rlp.list(Rlp.uint(BLOCK_REQUEST), Rlp.str(r.blockId().bytes()), Rlp.uint(r.count()));
    } else if (message instanceof BlockRetrievalResponse r) {
      return Rlp.list(
          Rlp.uint(BLOCK_RESPONSE),
          Rlp.str(r.blockId().bytes()),
          Rlp.list(r.blocks().stream().map(BlockCodec::rlp).toList()));
    } else if (message instanceof CommittedBlocksRequest r) {
      return Rlp.list(
          Rlp.uint(COMMITTED_REQUEST), Rlp.uint(r.fromNumber()), Rlp.uint(r.maxBlocks()));
    }
    CommittedBlocksResponse r = (CommittedBlocksResponse) message;
    return Rlp.list(
        Rlp.uint(COMMITTED_RESPONSE),
        Rlp.uint(r.fromNumber()),
        Rlp.uint(r.highestCommitted()),
        Rlp.list(r.segments().stream().map(ConsensusMessageCodec::segment).toList()));
  }

  private static RlpItem segment(CommittedSegment s) {
    return Rlp.list(
        Rlp.list(s.blocks().stream().map(BlockCodec::rlp).toList()),
        CertificateCodec.rlp(s.proof()),
        Rlp.list(s.proofPath().stream().map(BlockCodec::rlp).toList()));
  }

  private static ConsensusMessage read(RlpItem item) {
    RlpReader r = RlpReader.of(item, "consensus message");
    int type = r.intValue();
    ConsensusMessage m =
        switch (type) {
          case PROPOSAL ->
              new ProposalMessage(
                  BlockCodec.readBlock(r.item()), sig(r), opt(r, CertificateCodec::readTc));
          case VOTE -> new VoteMessage(SigningCodec.readVote(r.item()), r.address(), sig(r));
          case TIMEOUT ->
              new TimeoutMessage(
                  (TimeoutData) SigningCodec.read(EvidenceKind.TIMEOUT, r.item()),
                  r.address(),
                  sig(r),
                  CertificateCodec.readQc(r.item()),
                  opt(r, CertificateCodec::readTc));
          case SYNC_INFO ->
              new SyncInfo(
                  r.longValue(),
                  opt(r, CertificateCodec::readQc),
                  opt(r, CertificateCodec::readQc),
                  opt(r, CertificateCodec::readTc));
          case BLOCK_REQUEST -> new BlockRetrievalRequest(r.hash(), r.intValue());
          case BLOCK_RESPONSE ->
              new BlockRetrievalResponse(
                  r.hash(), list(r, BlockRetrievalRequest.MAX_COUNT, BlockCodec::readBlock));
          case COMMITTED_REQUEST -> new CommittedBlocksRequest(r.longValue(), r.intValue());
          case COMMITTED_RESPONSE ->
              new CommittedBlocksResponse(
                  r.longValue(),
                  r.longValue(),
                  list(r, CommittedBlocksRequest.MAX_BLOCKS, ConsensusMessageCodec::readSegment));
          default -> throw new DecodeException("consensus message: unknown type " + type);
        };
    r.end();
    return m;
  }

  private static CommittedSegment readSegment(RlpItem item) {
    RlpReader r = RlpReader.of(item, "committed segment");
    List<Block> blocks = list(r, CommittedBlocksRequest.MAX_BLOCKS, BlockCodec::readBlock);
    CommitProof proof = CertificateCodec.readCommitProof(r.item());
    List<BlockHeader> path = list(r, CommittedBlocksRequest.MAX_BLOCKS, BlockCodec::readHeader);
    r.end();
    return new CommittedSegment(blocks, proof, path);
  }

  private static RlpItem sig(BlsSignature s) {
    return Rlp.str(s.toBytes());
  }

  private static BlsSignature sig(RlpReader r) {
    return BlsSignature.fromBytes(r.bytes(BlsSignature.SIZE));
  }

  private static <T> RlpItem opt(Optional<T> value, Function<T, RlpItem> encode) {
    return Rlp.list(value.map(encode).stream().toList());
  }

  private static <T> Optional<T> opt(RlpReader r, Function<RlpItem, T> decode) {
    RlpReader l = r.list();
    if (l.size() > 1) {
      throw new DecodeException("optional field holds " + l.size() + " items");
    }
    return l.hasNext() ? Optional.of(decode.apply(l.item())) : Optional.empty();
  }

  private static <T> List<T> list(RlpReader r, int max, Function<RlpItem, T> decode) {
    RlpReader l = r.list();
    if (l.size() > max) {
      throw new DecodeException("list of " + l.size() + " items exceeds " + max);
    }
    List<T> out = new ArrayList<>(l.size());
    while (l.hasNext()) {
      out.add(decode.apply(l.item()));
    }
    return out;
  }

  /**
   * Turns the IllegalArgumentException of record checks on well-formed RLP into DecodeException.
   */
  private static <T> T guard(String what, Supplier<T> body) {
    try {
      return body.get();
    } catch (IllegalArgumentException e) {
      throw new DecodeException(what + ": " + e.getMessage(), e);
    }
  }
}
