package dev.bulwark.ledger.execution;

import dev.bulwark.ledger.crypto.Keccak;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.util.Arrays;
import java.util.Collection;

/**
 * Ethereum's 2048-bit log bloom (yellow paper M3:2048): for the address and each topic of a log,
 * three bits are set, each taken from one of the first three byte pairs of the item's keccak256
 * (low 11 bits), bit 0 being the lowest bit of the last byte. Immutable.
 */
public final class LogsBloom {
  /** Size in bytes. */
  public static final int SIZE = 256;

  /** The bloom of no logs. */
  public static final LogsBloom EMPTY = new LogsBloom(new byte[SIZE]);

  private final byte[] bits;

  private LogsBloom(byte[] bits) {
    this.bits = bits;
  }

  /** The bloom of {@code logs}. */
  public static LogsBloom of(Collection<Log> logs) {
    if (logs.isEmpty()) {
      return EMPTY;
    }
    byte[] bits = new byte[SIZE];
    for (Log log : logs) {
      set(bits, log.address().bytes());
      for (Hash topic : log.topics()) {
        set(bits, topic.bytes());
      }
    }
    return new LogsBloom(bits);
  }

  /** A bloom from its 256 bytes. */
  public static LogsBloom fromBytes(Bytes bytes) {
    if (bytes.size() != SIZE) {
      throw new IllegalArgumentException("a logs bloom is " + SIZE + " bytes, got " + bytes.size());
    }
    return new LogsBloom(bytes.toArray());
  }

  private static void set(byte[] bits, Bytes item) {
    byte[] h = Keccak.hash256(item.toArray());
    for (int i = 0; i < 6; i += 2) {
      int bit = ((h[i] & 0xff) << 8 | h[i + 1] & 0xff) & 2047;
      bits[SIZE - 1 - bit / 8] |= (byte) (1 << (bit % 8));
    }
  }

  /** The union of this bloom and {@code other}. */
  public LogsBloom or(LogsBloom other) {
    if (other == EMPTY) {
      return this;
    }
    byte[] out = bits.clone();
    for (int i = 0; i < SIZE; i++) {
      out[i] |= other.bits[i];
    }
    return new LogsBloom(out);
  }

  /** False only when no log of this bloom was emitted by {@code address}. */
  public boolean mightContain(Address address) {
    return mightContain(address.bytes());
  }

  /** False only when no log of this bloom carries {@code topic}. */
  public boolean mightContain(Hash topic) {
    return mightContain(topic.bytes());
  }

  private boolean mightContain(Bytes item) {
    byte[] probe = new byte[SIZE];
    set(probe, item);
    for (int i = 0; i < SIZE; i++) {
      if ((probe[i] & bits[i]) != probe[i]) {
        return false;
      }
    }
    return true;
  }

  /** The 256 bytes. */
  public Bytes toBytes() {
    return Bytes.of(bits);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LogsBloom b && Arrays.equals(bits, b.bits);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bits);
  }

  @Override
  public String toString() {
    return "LogsBloom[" + toBytes().toHex() + "]";
  }
}
