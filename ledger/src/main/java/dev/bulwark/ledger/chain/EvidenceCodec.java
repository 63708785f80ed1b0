package dev.bulwark.ledger.chain;

import dev.bulwark.ledger.codec.Rlp;
import dev.bulwark.ledger.codec.RlpItem;
import dev.bulwark.ledger.codec.RlpReader;
import dev.bulwark.ledger.crypto.Keccak;
import dev.bulwark.ledger.types.Hash;
import java.nio.charset.StandardCharsets;

/**
 * Wire format (strict RLP) of equivocation evidence; decoders throw only DecodeException.
 *
 * <pre>
 * evidence = [kindCode, epoch, round, validator(20), bytesA, sigA(96), bytesB, sigB(96)]
 * id       = keccak256(rlp(["evidence", kindCode, epoch, round, validator]))
 * </pre>
 */
public final class EvidenceCodec {
  private static final RlpItem ID_TAG = Rlp.str("evidence".getBytes(StandardCharsets.US_ASCII));

  private EvidenceCodec() {}

  /** Encodes evidence. */
  public static byte[] encode(Evidence e) {
    return Rlp.encode(rlp(e));
  }

  /** Decodes evidence. */
  public static Evidence decode(byte[] bytes) {
    return read(Rlp.decode(bytes));
  }

  /** The RLP item of evidence. */
  public static RlpItem rlp(Evidence e) {
    return Rlp.list(
        Rlp.uint(e.kind().code()), Rlp.uint(e.epoch()), Rlp.uint(e.round()),
        Rlp.str(e.validator().bytes()), Rlp.str(e.bytesA()), Rlp.str(e.sigA().toBytes()),
        Rlp.str(e.bytesB()), Rlp.str(e.sigB().toBytes()));
  }

  /** Reads an evidence item. */
  public static Evidence read(RlpItem item) {
    return Decoding.guard("evidence", () -> {
      RlpReader r = RlpReader.of(item, "evidence");
      Evidence e = new Evidence(
          EvidenceKind.ofCode(r.longValue()), r.longValue(), r.longValue(), r.address(),
          r.bytes(), CertificateCodec.signature(r), r.bytes(), CertificateCodec.signature(r));
      r.end();
      return e;
    });
  }

  /** The offence identity of {@code e} (see {@link Evidence#id()}). */
  static Hash offenceId(Evidence e) {
    return Keccak.hash(Rlp.encode(Rlp.list(
        ID_TAG, Rlp.uint(e.kind().code()), Rlp.uint(e.epoch()), Rlp.uint(e.round()),
        Rlp.str(e.validator().bytes()))));
  }
}
