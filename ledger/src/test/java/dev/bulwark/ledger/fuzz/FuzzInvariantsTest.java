package dev.bulwark.ledger.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.ledger.codec.DecodeException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The fuzz targets' checks catch what they are meant to catch. */
class FuzzInvariantsTest {

  /** Believes the 4-byte length prefix, as a careless decoder would. */
  private static byte[] lyingLength(byte[] input) {
    int claimed = ByteBuffer.wrap(input).getInt();
    return new byte[claimed];
  }

  @Test
  void anAllocationFromALyingLengthFieldFails() {
    byte[] claims16MiB = {0x01, 0x00, 0x00, 0x00};
    assertThatThrownBy(() -> Fuzz.decode("liar", claims16MiB, DecodeException.class,
        FuzzInvariantsTest::lyingLength))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("liar allocated");
    byte[] claims100 = {0, 0, 0, 100};
    assertThat(Fuzz.decode("liar", claims100, DecodeException.class, FuzzInvariantsTest::lyingLength))
        .hasValueSatisfying(b -> assertThat(b).hasSize(100));
  }

  @Test
  void onlyTheDocumentedExceptionMayEscape() {
    assertThat(Fuzz.decode("strict", new byte[1], DecodeException.class, in -> {
      throw new DecodeException("bad");
    })).isEmpty();
    assertThatThrownBy(() -> Fuzz.decode("sloppy", new byte[1], DecodeException.class, in -> {
      throw new IllegalStateException("oops");
    })).isInstanceOf(AssertionError.class).hasMessageContaining("undocumented java.lang.IllegalStateException");
    assertThatThrownBy(() -> Fuzz.total("total", new byte[1], in -> {
      throw new DecodeException("nothing may escape here");
    })).isInstanceOf(AssertionError.class).hasMessageContaining("undocumented");
  }

  @Test
  void aDecoderMustNotModifyItsInput() {
    assertThatThrownBy(() -> Fuzz.decode("scribbler", new byte[2], DecodeException.class, in -> {
      in[0] = 1;
      return in.length;
    })).isInstanceOf(AssertionError.class).hasMessageContaining("modified its input");
  }
}
