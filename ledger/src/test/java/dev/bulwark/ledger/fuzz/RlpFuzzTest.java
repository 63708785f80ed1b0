package dev.bulwark.ledger.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bulwark.ledger.codec.DecodeException;
import dev.bulwark.ledger.codec.Rlp;
import dev.bulwark.ledger.codec.RlpItem;
import dev.bulwark.ledger.codec.RlpReader;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The strict RLP reader: DecodeException only, one encoding per value (decode then encode gives
 * the input back), allocation bounded by the input, and the typed field readers of
 * {@link RlpReader} (integers, hashes, addresses, nested lists) stay within DecodeException too.
 */
class RlpFuzzTest {
  private static final int MAX_READ_DEPTH = 4;
  private static final int MAX_READ_ELEMENTS = 16;

  static List<byte[]> seedInputs() {
    return Vectors.rlpEncodings();
  }

  static Stream<Arguments> seeds() throws Exception {
    return Fuzz.seeds(seedInputs());
  }

  @Test
  void seedsHoldTheInvariants() throws Exception {
    for (byte[] seed : seedInputs()) {
      rlp(seed);
    }
  }

  @MethodSource("seeds")
  @FuzzTest(maxDuration = "10s")
  void rlp(byte[] input) {
    Optional<RlpItem> item = Fuzz.decode("RLP", input, DecodeException.class, Rlp::decode);
    if (item.isEmpty()) {
      return;
    }
    assertThat(Rlp.encode(item.get())).as("re-encoding").isEqualTo(input);
    assertThat(Rlp.decode(Rlp.encode(item.get()))).isEqualTo(item.get());
    readFields(item.get(), 0);
  }

  /**
   * Reads the first elements of every list (a few levels deep) with one of the typed readers,
   * chosen by position; each reader call consumes one element whether it accepts it or not.
   */
  private static void readFields(RlpItem item, int depth) {
    if (!(item instanceof RlpItem.Lst list) || depth > MAX_READ_DEPTH) {
      return;
    }
    RlpReader r = RlpReader.of(list, "fuzz");
    int n = Math.min(list.items().size(), MAX_READ_ELEMENTS);
    for (int i = 0; i < n; i++) {
      int pick = i;
      Fuzz.decode("RlpReader", new byte[0], DecodeException.class, unused -> read(r, pick));
      readFields(list.items().get(i), depth + 1);
    }
    if (n == list.items().size()) {
      r.end();
    } else {
      assertThatThrownBy(r::end).isInstanceOf(DecodeException.class);
    }
  }

  private static Object read(RlpReader r, int pick) {
    return switch (pick % 9) {
      case 0 -> r.uint256();
      case 1 -> r.longValue();
      case 2 -> r.intValue();
      case 3 -> r.uint64();
      case 4 -> r.hash();
      case 5 -> r.address();
      case 6 -> r.list().size();
      case 7 -> r.bytes(32);
      default -> r.item();
    };
  }
}
