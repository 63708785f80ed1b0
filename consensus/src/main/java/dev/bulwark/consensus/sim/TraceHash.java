package dev.bulwark.consensus.sim;

/** A running 64-bit FNV-1a hash of what happened in a run: same seed, same hash. */
final class TraceHash {
  private static final long PRIME = 0x100000001b3L;
  private long hash = 0xcbf29ce484222325L;

  /** Mixes {@code value} into the hash. */
  void add(long value) {
    for (int i = 0; i < 8; i++) {
      hash ^= (value >>> (8 * i)) & 0xff;
      hash *= PRIME;
    }
  }

  long value() {
    return hash;
  }
}
