package dev.bulwark.ledger.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.ledger.codec.DecodeException;
import dev.bulwark.ledger.codec.Rlp;
import dev.bulwark.ledger.codec.RlpItem;
import dev.bulwark.ledger.testkit.RandomChainData;
import dev.bulwark.ledger.testkit.TestValidators;
import dev.bulwark.ledger.types.Bytes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Well-formed RLP that is not the one canonical encoding of a valid value is rejected. */
class ChainCodecStrictnessTest {
  private static final TestValidators VALIDATORS = TestValidators.create(5, 3);
  private final RandomChainData data = new RandomChainData(5, VALIDATORS);

  /** A copy of {@code root} with the item at {@code path} (list indexes) replaced. */
  private static RlpItem replace(RlpItem root, RlpItem value, int... path) {
    if (path.length == 0) {
      return value;
    }
    List<RlpItem> items = new ArrayList<>(((RlpItem.Lst) root).items());
    int[] rest = Arrays.copyOfRange(path, 1, path.length);
    items.set(path[0], replace(items.get(path[0]), value, rest));
    return Rlp.list(items);
  }

  private static RlpItem withAppended(RlpItem root, RlpItem extra) {
    List<RlpItem> items = new ArrayList<>(((RlpItem.Lst) root).items());
    items.add(extra);
    return Rlp.list(items);
  }

  private static RlpItem withoutLast(RlpItem root) {
    List<RlpItem> items = new ArrayList<>(((RlpItem.Lst) root).items());
    items.remove(items.size() - 1);
    return Rlp.list(items);
  }

  private static void rejects(Function<byte[], ?> decoder, RlpItem item, String message) {
    byte[] bytes = Rlp.encode(item);
    assertThatThrownBy(() -> decoder.apply(bytes))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining(message);
  }

  @Test
  void trailingBytesAreRejectedByEveryDecoder() {
    List<Object[]> cases = List.of(
        new Object[] {SigningCodec.encode(data.vote()),
            (Function<byte[], ?>) SigningCodec::decodeVote},
        new Object[] {CertificateCodec.encode(data.qc()),
            (Function<byte[], ?>) CertificateCodec::decodeQc},
        new Object[] {CertificateCodec.encode(data.tc()),
            (Function<byte[], ?>) CertificateCodec::decodeTc},
        new Object[] {EvidenceCodec.encode(data.evidence()),
            (Function<byte[], ?>) EvidenceCodec::decode},
        new Object[] {BlockCodec.encode(data.block()),
            (Function<byte[], ?>) BlockCodec::decodeBlock},
        new Object[] {ValidatorCodec.encode(data.validatorSet()),
            (Function<byte[], ?>) ValidatorCodec::decodeSet});
    for (Object[] c : cases) {
      byte[] valid = (byte[]) c[0];
      @SuppressWarnings("unchecked")
      Function<byte[], ?> decoder = (Function<byte[], ?>) c[1];
      assertThat(decoder.apply(valid)).isNotNull();
      byte[] longer = Arrays.copyOf(valid, valid.length + 1);
      assertThatThrownBy(() -> decoder.apply(longer))
          .isInstanceOf(DecodeException.class).hasMessageContaining("trailing");
    }
  }

  @Test
  void integersWithLeadingZerosAreRejected() {
    RlpItem vote = SigningCodec.rlp(new VoteData(1, 2, 10, BlockIds.of("b"), BlockIds.of("p"), 9));
    rejects(SigningCodec::decodeVote, replace(vote, Rlp.str(Bytes.fromHex("0x000a")), 3),
        "leading zero");
    RlpItem header = BlockCodec.rlp(data.header());
    rejects(BlockCodec::decodeHeader, replace(header, Rlp.str(Bytes.fromHex("0x00")), 0),
        "leading zero");
    // a nine-byte integer cannot be a 63-bit field
    rejects(BlockCodec::decodeHeader,
        replace(header, Rlp.str(Bytes.fromHex("0x010000000000000000")), 4), "exceeds");
  }

  @Test
  void wrongFixedLengthsAreRejected() {
    RlpItem qc = CertificateCodec.rlp(data.qc());
    rejects(CertificateCodec::decodeQc, replace(qc, Rlp.str(new byte[31]), 0, 4), "32 bytes");
    rejects(CertificateCodec::decodeQc, replace(qc, Rlp.str(new byte[95]), 1), "96 bytes");
    RlpItem header = BlockCodec.rlp(data.header());
    rejects(BlockCodec::decodeHeader, replace(header, Rlp.str(new byte[21]), 3), "20 bytes");
    RlpItem validator = ValidatorCodec.rlp(data.validatorSet().get(0));
    rejects(ValidatorCodec::decodeValidator, replace(validator, Rlp.str(new byte[47]), 1),
        "48 bytes");
    rejects(ValidatorCodec::decodeValidator, replace(validator, Rlp.str(new byte[33]), 2),
        "32 bytes");
  }

  @Test
  void bitmapsWithStrayBitsOrWrongLengthAreRejected() {
    RlpItem qc = CertificateCodec.rlp(data.qc()); // 5 validators: one byte, bits 5-7 unused
    rejects(CertificateCodec::decodeQc, replace(qc, Rlp.str(Bytes.fromHex("0x21")), 2, 1),
        "beyond");
    rejects(CertificateCodec::decodeQc, replace(qc, Rlp.str(Bytes.fromHex("0x0100")), 2, 1),
        "1 bytes");
  }

  @Test
  void missingAndExtraFieldsAreRejected() {
    RlpItem header = BlockCodec.rlp(data.header());
    rejects(BlockCodec::decodeHeader, withAppended(header, Rlp.uint(1)), "fields");
    rejects(BlockCodec::decodeHeader, withoutLast(header), "missing");
    RlpItem evidence = EvidenceCodec.rlp(data.evidence());
    rejects(EvidenceCodec::decode, withAppended(evidence, Rlp.uint(0)), "fields");
  }

  @Test
  void aHeaderHoldsAtMostOneParentQc() {
    QuorumCertificate qc = data.qc();
    BlockHeader h = BlockHeader.builder().number(5).round(qc.round() + 1).parentQc(qc).build();
    RlpItem two = Rlp.list(CertificateCodec.rlp(qc), CertificateCodec.rlp(qc));
    rejects(BlockCodec::decodeHeader, replace(BlockCodec.rlp(h), two, 14), "parent QC");
    rejects(BlockCodec::decodeHeader, replace(BlockCodec.rlp(h), Rlp.list(), 14), "genesis");
  }

  @Test
  void evidenceOutOfCanonicalOrderIsRejected() {
    Evidence e = data.evidence();
    RlpItem swapped = replace(replace(EvidenceCodec.rlp(e), Rlp.str(e.bytesB()), 4),
        Rlp.str(e.bytesA()), 6);
    rejects(EvidenceCodec::decode, swapped, "canonical order");
    rejects(EvidenceCodec::decode, replace(EvidenceCodec.rlp(e), Rlp.uint(4), 0), "kind");
  }

  @Test
  void invalidCurvePointsAreRejected() {
    byte[] notAPoint = new byte[96];
    notAPoint[0] = (byte) 0x80; // compressed flag with x = 0: no G2 point has it
    rejects(CertificateCodec::decodeQc, replace(CertificateCodec.rlp(data.qc()),
        Rlp.str(notAPoint), 1), "signature");
    byte[] infinityKey = new byte[48];
    infinityKey[0] = (byte) 0xc0;
    rejects(ValidatorCodec::decodeValidator, replace(
        ValidatorCodec.rlp(data.validatorSet().get(0)), Rlp.str(infinityKey), 1), "identity");
  }

  @Test
  void aValidatorSetOutOfOrderIsRejected() {
    ValidatorSet set = data.validatorSet();
    List<RlpItem> reversed = new ArrayList<>();
    for (int i = set.size() - 1; i >= 0; i--) {
      reversed.add(ValidatorCodec.rlp(set.get(i)));
    }
    rejects(ValidatorCodec::decodeSet, replace(ValidatorCodec.rlp(set), Rlp.list(reversed), 1),
        "ascending");
  }
}
