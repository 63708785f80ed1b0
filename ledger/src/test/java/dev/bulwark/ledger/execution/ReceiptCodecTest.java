package dev.bulwark.ledger.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.ledger.codec.DecodeException;
import dev.bulwark.ledger.codec.Rlp;
import dev.bulwark.ledger.tx.TransactionType;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReceiptCodecTest {
  private static final Address A = Address.fromHex("aa".repeat(20));
  private static final Address B = Address.fromHex("bb".repeat(20));

  private static List<Receipt> samples() {
    Log log =
        new Log(B, List.of(Hash.ZERO, Hash.fromHex("01".repeat(32))), Bytes.fromHex("0xdead"));
    return List.of(
        new Receipt(
            TransactionType.DYNAMIC_FEE,
            true,
            21_000,
            21_000,
            BigInteger.TEN.pow(9),
            A,
            Optional.of(B),
            List.of(),
            Optional.empty()),
        new Receipt(
            TransactionType.LEGACY,
            false,
            30_000,
            51_000,
            BigInteger.ONE,
            A,
            Optional.of(B),
            List.of(),
            Optional.of("out of gas — ünïcode")),
        new Receipt(
            TransactionType.ACCESS_LIST,
            true,
            61_000,
            112_000,
            BigInteger.ONE,
            A,
            Optional.of(B),
            List.of(log, log),
            Optional.empty()),
        Receipt.blockLevel(List.of(log), 112_000));
  }

  @Test
  void roundTrips() {
    for (Receipt r : samples()) {
      byte[] enc = ReceiptCodec.encode(r);
      assertThat(ReceiptCodec.decode(enc)).isEqualTo(r);
      assertThat(ReceiptCodec.encode(ReceiptCodec.decode(enc))).isEqualTo(enc);
    }
    assertThat(ReceiptCodec.decodeList(ReceiptCodec.encodeList(samples()))).isEqualTo(samples());
  }

  @Test
  void rejectsMalformedReceipts() {
    Receipt ok = samples().get(0);
    byte[] badStatus =
        Rlp.encode(
            Rlp.list(
                Rlp.uint(2),
                Rlp.uint(2),
                Rlp.uint(1),
                Rlp.uint(1),
                Rlp.uint(1),
                Rlp.str(A.bytes()),
                Rlp.str(Bytes.EMPTY),
                Rlp.list(),
                Rlp.str(Bytes.EMPTY)));
    assertThatThrownBy(() -> ReceiptCodec.decode(badStatus))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("status");
    byte[] reasonOnSuccess =
        Rlp.encode(
            Rlp.list(
                Rlp.uint(2),
                Rlp.uint(1),
                Rlp.uint(1),
                Rlp.uint(1),
                Rlp.uint(1),
                Rlp.str(A.bytes()),
                Rlp.str(Bytes.EMPTY),
                Rlp.list(),
                Rlp.str(Bytes.of((byte) 'x'))));
    assertThatThrownBy(() -> ReceiptCodec.decode(reasonOnSuccess))
        .isInstanceOf(DecodeException.class);
    byte[] enc = ReceiptCodec.encode(ok);
    byte[] truncated = java.util.Arrays.copyOf(enc, enc.length - 1);
    assertThatThrownBy(() -> ReceiptCodec.decode(truncated)).isInstanceOf(DecodeException.class);
  }
}
