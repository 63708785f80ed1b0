package dev.bulwark.ledger.chain;

import dev.bulwark.ledger.codec.Rlp;
import dev.bulwark.ledger.codec.RlpItem;
import dev.bulwark.ledger.codec.RlpReader;
import dev.bulwark.ledger.crypto.bls.BlsSignature;
import java.util.ArrayList;
import java.util.List;

/**
 * Wire format (strict RLP) of signer bitmaps, quorum and timeout certificates, commit proofs and
 * finality records. Decoders throw only DecodeException.
 *
 * <pre>
 * bitmap      = [size, bits]                  bits: ceil(size/8) bytes, see SignerBitmap
 * qc          = [vote, aggregate(96), bitmap]  vote: the vote signing item (SigningCodec)
 * tc          = [chainId, epoch, round, [highQcRound...], aggregate(96), bitmap]
 * commitProof = qc                            whose round follows its parent round
 * finality    = [commitProof, [header...], lastNumber]   headers: the proof path (BlockCodec)
 * </pre>
 */
public final class CertificateCodec {
  private CertificateCodec() {}

  /** Encodes a signer bitmap. */
  public static byte[] encode(SignerBitmap bitmap) {
    return Rlp.encode(rlp(bitmap));
  }

  /** Encodes a quorum certificate. */
  public static byte[] encode(QuorumCertificate qc) {
    return Rlp.encode(rlp(qc));
  }

  /** Encodes a timeout certificate. */
  public static byte[] encode(TimeoutCertificate tc) {
    return Rlp.encode(rlp(tc));
  }

  /** Encodes a commit proof. */
  public static byte[] encode(CommitProof proof) {
    return Rlp.encode(rlp(proof));
  }

  /** Encodes a finality record. */
  public static byte[] encode(Finality finality) {
    return Rlp.encode(rlp(finality));
  }

  /** Decodes a signer bitmap. */
  public static SignerBitmap decodeBitmap(byte[] bytes) {
    return readBitmap(Rlp.decode(bytes));
  }

  /** Decodes a quorum certificate. */
  public static QuorumCertificate decodeQc(byte[] bytes) {
    return readQc(Rlp.decode(bytes));
  }

  /** Decodes a timeout certificate. */
  public static TimeoutCertificate decodeTc(byte[] bytes) {
    return readTc(Rlp.decode(bytes));
  }

  /** Decodes a commit proof. */
  public static CommitProof decodeCommitProof(byte[] bytes) {
    return readCommitProof(Rlp.decode(bytes));
  }

  /** Decodes a finality record. */
  public static Finality decodeFinality(byte[] bytes) {
    return readFinality(Rlp.decode(bytes));
  }

  /** The RLP item of a signer bitmap. */
  public static RlpItem rlp(SignerBitmap bitmap) {
    return Rlp.list(Rlp.uint(bitmap.size()), Rlp.str(bitmap.toBytes()));
  }

  /** The RLP item of a quorum certificate. */
  public static RlpItem rlp(QuorumCertificate qc) {
    return Rlp.list(
        SigningCodec.rlp(qc.vote()), Rlp.str(qc.aggregate().toBytes()), rlp(qc.signers()));
  }

  /** The RLP item of a timeout certificate. */
  public static RlpItem rlp(TimeoutCertificate tc) {
    List<RlpItem> rounds = tc.highQcRounds().stream().map(Rlp::uint).toList();
    return Rlp.list(
        Rlp.uint(tc.chainId()), Rlp.uint(tc.epoch()), Rlp.uint(tc.round()), Rlp.list(rounds),
        Rlp.str(tc.aggregate().toBytes()), rlp(tc.signers()));
  }

  /** The RLP item of a commit proof. */
  public static RlpItem rlp(CommitProof proof) {
    return rlp(proof.qc());
  }

  /** The RLP item of a finality record. */
  public static RlpItem rlp(Finality finality) {
    List<RlpItem> path = finality.proofPath().stream().map(BlockCodec::rlp).toList();
    return Rlp.list(rlp(finality.proof()), Rlp.list(path), Rlp.uint(finality.lastNumber()));
  }

  /** Reads a signer bitmap item. */
  public static SignerBitmap readBitmap(RlpItem item) {
    return Decoding.guard("signer bitmap", () -> {
      RlpReader r = RlpReader.of(item, "signer bitmap");
      SignerBitmap bitmap = SignerBitmap.fromBytes(r.intValue(), r.bytes());
      r.end();
      return bitmap;
    });
  }

  /** Reads a quorum certificate item. */
  public static QuorumCertificate readQc(RlpItem item) {
    return Decoding.guard("QC", () -> {
      RlpReader r = RlpReader.of(item, "QC");
      QuorumCertificate qc = new QuorumCertificate(
          SigningCodec.readVote(r.item()), signature(r), readBitmap(r.item()));
      r.end();
      return qc;
    });
  }

  /** Reads a timeout certificate item. */
  public static TimeoutCertificate readTc(RlpItem item) {
    return Decoding.guard("TC", () -> {
      RlpReader r = RlpReader.of(item, "TC");
      TimeoutCertificate tc = new TimeoutCertificate(
          r.longValue(), r.longValue(), r.longValue(), Decoding.longs(r), signature(r),
          readBitmap(r.item()));
      r.end();
      return tc;
    });
  }

  /** Reads a commit proof item. */
  public static CommitProof readCommitProof(RlpItem item) {
    return Decoding.guard("commit proof", () -> new CommitProof(readQc(item)));
  }

  /** Reads a finality record item. */
  public static Finality readFinality(RlpItem item) {
    return Decoding.guard("finality", () -> {
      RlpReader r = RlpReader.of(item, "finality");
      CommitProof proof = readCommitProof(r.item());
      List<BlockHeader> path = new ArrayList<>();
      for (RlpItem header : Decoding.items(r)) {
        path.add(BlockCodec.readHeader(header));
      }
      Finality finality = new Finality(proof, path, r.longValue());
      r.end();
      return finality;
    });
  }

  /** The next field as a 96-byte compressed BLS signature. */
  static BlsSignature signature(RlpReader r) {
    return BlsSignature.fromBytes(r.bytes(BlsSignature.SIZE));
  }
}
