package dev.bulwark.ledger.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.ledger.types.Bytes;
import org.junit.jupiter.api.Test;

class SignerBitmapTest {
  @Test
  void bitIGoesToByteIOver8AtMaskOneShiftedByIMod8() {
    SignerBitmap b = SignerBitmap.of(10, 0, 3, 9);
    assertThat(b.toBytes()).isEqualTo(Bytes.fromHex("0x0902"));
    assertThat(b.indexes()).containsExactly(0, 3, 9);
    assertThat(b.count()).isEqualTo(3);
    assertThat(b.isSet(3)).isTrue();
    assertThat(b.isSet(4)).isFalse();
    assertThat(SignerBitmap.fromBytes(10, b.toBytes())).isEqualTo(b);
  }

  @Test
  void withAddsASignerWithoutChangingTheOriginal() {
    SignerBitmap a = SignerBitmap.empty(4);
    SignerBitmap b = a.with(2);
    assertThat(a.count()).isZero();
    assertThat(b.indexes()).containsExactly(2);
    assertThat(b.with(2)).isEqualTo(b);
  }

  @Test
  void byteFormMustHaveExactLengthAndNoBitsBeyondSize() {
    assertThat(SignerBitmap.fromBytes(0, Bytes.EMPTY).count()).isZero();
    assertThat(SignerBitmap.fromBytes(8, Bytes.fromHex("0xff")).count()).isEqualTo(8);
    assertThatThrownBy(() -> SignerBitmap.fromBytes(9, Bytes.fromHex("0xff")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 bytes");
    assertThatThrownBy(() -> SignerBitmap.fromBytes(8, Bytes.fromHex("0xff00")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SignerBitmap.fromBytes(5, Bytes.fromHex("0x20")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("beyond");
    assertThat(SignerBitmap.fromBytes(5, Bytes.fromHex("0x10")).indexes()).containsExactly(4);
  }

  @Test
  void indexesOutsideTheSizeAreRejected() {
    assertThatThrownBy(() -> SignerBitmap.of(4, 4)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SignerBitmap.of(4, -1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SignerBitmap.empty(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void equalityCoversTheSize() {
    assertThat(SignerBitmap.of(7, 1)).isNotEqualTo(SignerBitmap.of(8, 1));
    assertThat(SignerBitmap.of(8, 1)).isEqualTo(SignerBitmap.of(8, 1))
        .hasSameHashCodeAs(SignerBitmap.of(8, 1));
  }
}
