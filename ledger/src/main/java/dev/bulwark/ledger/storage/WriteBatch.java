package dev.bulwark.ledger.storage;

import dev.bulwark.ledger.types.Bytes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Puts and deletes staged in memory and applied atomically by {@link KeyValueStore#write}. The
 * last operation on a key wins. Staged values can be read back before the commit, so a block
 * built on an uncommitted parent sees its parent's state. Not thread-safe.
 */
public final class WriteBatch {
  // A null value marks a delete; LinkedHashMap keeps insertion order for stable application.
  private final Map<Bytes, Bytes> ops = new LinkedHashMap<>();
  private long stagedBytes;

  /** Stages {@code key -> value}. */
  public WriteBatch put(Bytes key, Bytes value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    ops.put(key, value);
    stagedBytes += key.size() + value.size();
    return this;
  }

  /** Stages the removal of {@code key}. */
  public WriteBatch delete(Bytes key) {
    Objects.requireNonNull(key, "key");
    ops.put(key, null);
    stagedBytes += key.size();
    return this;
  }

  /** Number of distinct keys staged. */
  public int size() {
    return ops.size();
  }

  /** True when nothing is staged. */
  public boolean isEmpty() {
    return ops.isEmpty();
  }

  /** Approximate bytes staged so far (keys plus values, overwrites counted again). */
  public long stagedBytes() {
    return stagedBytes;
  }

  /**
   * The value of {@code key} as it will be once this batch is written to {@code store}: the
   * staged value, empty for a staged delete, else whatever the store holds now.
   */
  public Optional<Bytes> readThrough(Bytes key, KeyValueStore store) {
    if (ops.containsKey(key)) {
      return Optional.ofNullable(ops.get(key));
    }
    return store.get(key);
  }

  /** Calls {@code action(key, valueOrNullForDelete)} for each staged key, in staging order. */
  public void forEach(BiConsumer<Bytes, Bytes> action) {
    ops.forEach(action);
  }
}
