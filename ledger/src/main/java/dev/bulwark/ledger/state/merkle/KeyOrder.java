package dev.bulwark.ledger.state.merkle;

import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.util.Arrays;
import java.util.Comparator;

/**
 * The ascending order of a batch's changed keys. Keys are sorted by their first 44 bits packed
 * with their position into one {@code long}, a primitive sort, and only keys sharing those bits
 * are compared in full: sorting 10,000 keys as objects took about 4.5 ms (measured), as much as
 * the rest of an update of a 10k-key state, and most of it was comparator calls.
 */
final class KeyOrder {
  private static final int INDEX_BITS = 20;
  private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;

  private KeyOrder() {}

  /** Positions into {@code keys}, in ascending unsigned order of the keys. */
  static int[] of(Hash[] keys) {
    int n = keys.length;
    if (n > INDEX_MASK) {
      return byComparison(keys);
    }
    long[] packed = new long[n];
    for (int i = 0; i < n; i++) {
      // Flipping the sign bit makes the signed sort order the unsigned order of the prefix.
      packed[i] = (prefix(keys[i]) << INDEX_BITS | i) ^ Long.MIN_VALUE;
    }
    Arrays.sort(packed);
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = (int) ((packed[i] ^ Long.MIN_VALUE) & INDEX_MASK);
    }
    // Keys with equal 44-bit prefixes (about one pair in 10^6 batches of 10,000 random keys, or
    // many if someone grinds addresses) are ordered by a full comparison.
    for (int start = 0; start < n; ) {
      int end = start + 1;
      while (end < n && prefixOf(packed[end]) == prefixOf(packed[start])) {
        end++;
      }
      if (end - start > 1) {
        Integer[] run = new Integer[end - start];
        for (int i = start; i < end; i++) {
          run[i - start] = order[i];
        }
        Arrays.sort(run, Comparator.comparing(i -> keys[i]));
        for (int i = start; i < end; i++) {
          order[i] = run[i - start];
        }
      }
      start = end;
    }
    return order;
  }

  private static long prefixOf(long packed) {
    return (packed ^ Long.MIN_VALUE) >>> INDEX_BITS;
  }

  /** The same order by full comparisons: for batches too large to pack positions in 20 bits. */
  static int[] byComparison(Hash[] keys) {
    Integer[] boxed = new Integer[keys.length];
    Arrays.setAll(boxed, i -> i);
    Arrays.sort(boxed, Comparator.comparing(i -> keys[i]));
    return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
  }

  /** The key's first 44 bits, as an unsigned number. */
  private static long prefix(Hash key) {
    Bytes b = key.bytes();
    long v = 0;
    for (int i = 0; i < 6; i++) {
      v = v << 8 | b.get(i) & 0xff;
    }
    return v >>> 4; // 48 bits read, 44 kept
  }
}
