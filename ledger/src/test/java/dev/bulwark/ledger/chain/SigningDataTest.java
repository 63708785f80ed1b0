package dev.bulwark.ledger.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.ledger.codec.DecodeException;
import dev.bulwark.ledger.codec.Rlp;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SigningDataTest {
  private static final Hash B = Hash.of(new byte[] {
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
      17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});

  @Test
  void voteBytesAreTheDomainTagThenTheFieldsInRlp() {
    VoteData v = new VoteData(1337, 2, 9, B, Hash.ZERO, 8);
    byte[] expected = Rlp.encode(Rlp.list(
        Rlp.str("vote".getBytes(StandardCharsets.US_ASCII)), Rlp.uint(1337), Rlp.uint(2),
        Rlp.uint(9), Rlp.str(B.bytes()), Rlp.str(Hash.ZERO.bytes()), Rlp.uint(8)));
    assertThat(v.signingBytes()).isEqualTo(Bytes.of(expected));
    // RLP list header, then the 4-byte string "vote" (0x84 'v' 'o' 't' 'e')
    assertThat(v.signingBytes().slice(2, 7)).isEqualTo(Bytes.fromHex("0x84766f7465"));
    assertThat(VoteData.fromSigningBytes(v.signingBytes())).isEqualTo(v);
  }

  @Test
  void bytesOfOneKindNeverParseAsAnother() {
    VoteData vote = new VoteData(1, 2, 9, B, B, 8);
    ProposalData proposal = new ProposalData(1, 2, 9, B);
    TimeoutData timeout = new TimeoutData(1, 2, 9, 8);
    for (SigningData d : new SigningData[] {vote, proposal, timeout}) {
      for (EvidenceKind k : EvidenceKind.values()) {
        byte[] bytes = d.signingBytes().toArray();
        if (k == d.kind()) {
          assertThat(SigningCodec.decode(k, bytes)).isEqualTo(d);
        } else {
          assertThatThrownBy(() -> SigningCodec.decode(k, bytes))
              .isInstanceOf(DecodeException.class).hasMessageContaining("domain tag");
        }
      }
    }
  }

  @Test
  void aTagWithTheRightFieldCountOfAnotherKindIsStillRejected() {
    // timeout and proposal both have five fields; only the tag tells them apart
    byte[] forged = Rlp.encode(Rlp.list(
        Rlp.str("proposal".getBytes(StandardCharsets.US_ASCII)), Rlp.uint(1), Rlp.uint(2),
        Rlp.uint(9), Rlp.uint(8)));
    assertThatThrownBy(() -> SigningCodec.decodeProposal(forged))
        .isInstanceOf(DecodeException.class);
    assertThatThrownBy(() -> SigningCodec.decodeTimeout(forged))
        .isInstanceOf(DecodeException.class);
  }

  @Test
  void recordsRejectImpossibleRounds() {
    assertThatThrownBy(() -> new VoteData(1, 1, 5, B, B, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new VoteData(1, 1, 0, B, B, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new VoteData(-1, 1, 5, B, B, 4))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TimeoutData(1, 1, 5, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ProposalData(1, 1, 5, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void decodingRejectsRecordViolationsAsDecodeException() {
    byte[] badTimeout = Rlp.encode(Rlp.list(
        Rlp.str("timeout".getBytes(StandardCharsets.US_ASCII)), Rlp.uint(1), Rlp.uint(2),
        Rlp.uint(9), Rlp.uint(9)));
    assertThatThrownBy(() -> SigningCodec.decodeTimeout(badTimeout))
        .isInstanceOf(DecodeException.class).hasMessageContaining("high QC round");
  }
}
