package dev.bulwark.ledger.storage;

import dev.bulwark.ledger.types.Bytes;
import java.util.Optional;

/**
 * An ordered byte-key store with atomic batch writes: the persistence port of the ledger. Keys
 * are ordered as unsigned bytes. Implementations are safe for concurrent readers and writers;
 * all failures are {@link StorageException}s.
 */
public interface KeyValueStore extends AutoCloseable {
  /** The value stored under {@code key}, if any. */
  Optional<Bytes> get(Bytes key);

  /** Applies every operation of {@code batch} atomically: after a crash all or none are seen. */
  void write(WriteBatch batch, Durability durability);

  /**
   * Entries with {@code fromInclusive <= key < toExclusive} in key order; a null bound is open.
   * The caller closes the cursor.
   */
  KeyValueCursor range(Bytes fromInclusive, Bytes toExclusive);

  /** Entries whose key starts with {@code prefix}, in key order. */
  default KeyValueCursor prefix(Bytes prefix) {
    return range(prefix, prefixEnd(prefix));
  }

  /** Where the data lives, for messages (a directory path, or "memory"). */
  String location();

  /** Releases the store; further calls fail. */
  @Override
  void close();

  /** The smallest key greater than every key starting with {@code prefix}; null if none. */
  static Bytes prefixEnd(Bytes prefix) {
    byte[] end = prefix.toArray();
    for (int i = end.length - 1; i >= 0; i--) {
      if (end[i] != (byte) 0xff) {
        end[i]++;
        return Bytes.of(end, 0, i + 1);
      }
    }
    return null;
  }
}
