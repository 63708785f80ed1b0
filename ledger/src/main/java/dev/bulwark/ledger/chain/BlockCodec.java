package dev.bulwark.ledger.chain;

import dev.bulwark.ledger.codec.DecodeException;
import dev.bulwark.ledger.codec.Rlp;
import dev.bulwark.ledger.codec.RlpItem;
import dev.bulwark.ledger.codec.RlpReader;
import dev.bulwark.ledger.types.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Wire format (strict RLP) of block headers and blocks; the header encoding is also what the
 * block hash is taken over. Decoders throw only DecodeException.
 *
 * <pre>
 * header = [number, parentHash, timestampMillis, proposer(20), epoch, round, [skippedRound...],
 *           gasLimit, gasUsed, baseFeePerGas, stateRoot, transactionsRoot, receiptsRoot,
 *           evidenceRoot, [qc?]]         the last list holds the parent QC, empty for genesis
 * block  = [header, [rawTx...], [evidence...]]     each raw transaction as one byte string
 * </pre>
 */
public final class BlockCodec {
  private BlockCodec() {}

  /** Encodes a header (the bytes its hash is taken over). */
  public static byte[] encode(BlockHeader h) {
    return Rlp.encode(rlp(h));
  }

  /** Encodes a block. */
  public static byte[] encode(Block b) {
    return Rlp.encode(rlp(b));
  }

  /** Decodes a header. */
  public static BlockHeader decodeHeader(byte[] bytes) {
    return readHeader(Rlp.decode(bytes));
  }

  /** Decodes a block. */
  public static Block decodeBlock(byte[] bytes) {
    return readBlock(Rlp.decode(bytes));
  }

  /** The RLP item of a header. */
  public static RlpItem rlp(BlockHeader h) {
    List<RlpItem> skipped = h.skippedRounds().stream().map(Rlp::uint).toList();
    List<RlpItem> qc = h.parentQc().map(CertificateCodec::rlp).stream().toList();
    return Rlp.list(
        Rlp.uint(h.number()), Rlp.str(h.parentHash().bytes()), Rlp.uint(h.timestampMillis()),
        Rlp.str(h.proposer().bytes()), Rlp.uint(h.epoch()), Rlp.uint(h.round()),
        Rlp.list(skipped), Rlp.uint(h.gasLimit()), Rlp.uint(h.gasUsed()),
        Rlp.uint(h.baseFeePerGas()), Rlp.str(h.stateRoot().bytes()),
        Rlp.str(h.transactionsRoot().bytes()), Rlp.str(h.receiptsRoot().bytes()),
        Rlp.str(h.evidenceRoot().bytes()), Rlp.list(qc));
  }

  /** The RLP item of a block. */
  public static RlpItem rlp(Block b) {
    List<RlpItem> txs = b.transactions().stream().map(Rlp::str).toList();
    List<RlpItem> evidence = b.evidence().stream().map(EvidenceCodec::rlp).toList();
    return Rlp.list(rlp(b.header()), Rlp.list(txs), Rlp.list(evidence));
  }

  /** Reads a header item. */
  public static BlockHeader readHeader(RlpItem item) {
    return Decoding.guard("block header", () -> {
      RlpReader r = RlpReader.of(item, "block header");
      BlockHeader h = new BlockHeader(
          r.longValue(), r.hash(), r.longValue(), r.address(), r.longValue(), r.longValue(),
          Decoding.longs(r), r.longValue(), r.longValue(), r.uint256(), r.hash(), r.hash(),
          r.hash(), r.hash(), parentQc(r));
      r.end();
      return h;
    });
  }

  private static Optional<QuorumCertificate> parentQc(RlpReader r) {
    List<RlpItem> qcs = Decoding.items(r);
    if (qcs.size() > 1) {
      throw new DecodeException("block header: the parent QC list holds " + qcs.size() + " items");
    }
    return qcs.stream().findFirst().map(CertificateCodec::readQc);
  }

  /** Reads a block item. */
  public static Block readBlock(RlpItem item) {
    return Decoding.guard("block", () -> {
      RlpReader r = RlpReader.of(item, "block");
      BlockHeader header = readHeader(r.item());
      List<Bytes> txs = new ArrayList<>();
      RlpReader txList = r.list();
      while (txList.hasNext()) {
        txs.add(txList.bytes());
      }
      List<Evidence> evidence = new ArrayList<>();
      for (RlpItem e : Decoding.items(r)) {
        evidence.add(EvidenceCodec.read(e));
      }
      r.end();
      return new Block(header, txs, evidence);
    });
  }
}
