package dev.bulwark.ledger.types;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BytesTest {
  @Test
  void ofCopiesAndWrapDoesNot() {
    byte[] raw = {1, 2, 3};
    Bytes copied = Bytes.of(raw);
    Bytes wrapped = Bytes.wrap(raw);
    raw[0] = 9;
    assertThat(copied).isEqualTo(Bytes.fromHex("0x010203"));
    assertThat(wrapped).isEqualTo(Bytes.fromHex("0x090203"));
    assertThat(Bytes.wrap(new byte[0])).isSameAs(Bytes.EMPTY);
  }

  @Test
  void contentEqualsComparesARangeOfAnotherArray() {
    Bytes b = Bytes.fromHex("0x0a0b0c");
    byte[] other = {0, 0x0a, 0x0b, 0x0c, 0};
    assertThat(b.contentEquals(other, 1)).isTrue();
    assertThat(b.contentEquals(other, 0)).isFalse();
    assertThat(b.contentEquals(other, 2)).isFalse(); // the range would run past a difference
    assertThat(b.contentEquals(other, 3)).isFalse(); // the range would run past the end
    assertThat(b.contentEquals(other, -1)).isFalse();
    assertThat(Bytes.EMPTY.contentEquals(other, 5)).isTrue();
  }
}
