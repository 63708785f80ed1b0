package dev.bulwark.ledger.state.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ledger.types.Hash;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyOrderTest {
  @Test
  void ordersRandomKeysAsAFullComparisonDoes() {
    Random random = new Random(31);
    for (int n : new int[] {0, 1, 2, 17, 5_000}) {
      Hash[] keys = new Hash[n];
      for (int i = 0; i < n; i++) {
        keys[i] = TreeFixtures.key(random.nextLong());
      }
      assertOrdered(keys, KeyOrder.of(keys));
      assertThat(KeyOrder.of(keys)).isEqualTo(KeyOrder.byComparison(keys));
    }
  }

  @Test
  void keysSharingTheirPackedPrefixAreOrderedByTheRest() {
    // 300 keys in 3 groups that agree on their first 6 bytes (more than the 44 packed bits) and
    // differ only further on, including at the very last byte and with bytes above 0x7f.
    Random random = new Random(32);
    Hash[] keys = new Hash[300];
    for (int i = 0; i < keys.length; i++) {
      byte[] k = new byte[32];
      random.nextBytes(k);
      System.arraycopy(new byte[] {(byte) 0xf0, 1, 2, 3, 4, (byte) (i % 3)}, 0, k, 0, 6);
      if (i % 7 == 0) {
        Arrays.fill(k, 6, 31, (byte) 0x55);
        k[31] = (byte) i; // distinct keys that differ in the last byte alone
      }
      keys[i] = Hash.of(k);
    }
    int[] order = KeyOrder.of(keys);
    assertOrdered(keys, order);
    assertThat(order).isEqualTo(KeyOrder.byComparison(keys));
  }

  private static void assertOrdered(Hash[] keys, int[] order) {
    assertThat(order).hasSize(keys.length);
    assertThat(Arrays.stream(order).sorted().toArray())
        .as("a permutation").isEqualTo(java.util.stream.IntStream.range(0, keys.length).toArray());
    for (int i = 1; i < order.length; i++) {
      assertThat(keys[order[i - 1]].compareTo(keys[order[i]])).isNegative();
    }
  }
}
