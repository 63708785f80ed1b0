package dev.bulwark.ledger.storage;

import dev.bulwark.ledger.types.Bytes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Puts and deletes staged in memory and applied atomically by {@link KeyValueStore#write}. The
 * last operation on a key wins. Staged values can be read back before the commit, so a block
 * built on an uncommitted parent sees its parent's state. Not thread-safe.
 *
 * <p>Operations are appended to a log; the index by key that read-backs need is built on the
 * first read-back only. A block stages tens of thousands of state-tree nodes and most batches are
 * never read back, so staging is an append, not a hash-map insertion.
 */
public final class WriteBatch {
  private final List<Bytes> keys = new ArrayList<>();
  private final List<Bytes> values = new ArrayList<>(); // null marks a delete
  private Map<Bytes, Integer> lastIndex; // key -> position of its last operation, when built
  private long stagedBytes;

  /** Stages {@code key -> value}. */
  public WriteBatch put(Bytes key, Bytes value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    append(key, value);
    stagedBytes += key.size() + value.size();
    return this;
  }

  /** Stages the removal of {@code key}. */
  public WriteBatch delete(Bytes key) {
    Objects.requireNonNull(key, "key");
    append(key, null);
    stagedBytes += key.size();
    return this;
  }

  /** Number of distinct keys staged. */
  public int size() {
    return index().size();
  }

  /** True when nothing is staged. */
  public boolean isEmpty() {
    return keys.isEmpty();
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
    Integer at = index().get(key);
    return at != null ? Optional.ofNullable(values.get(at)) : store.get(key);
  }

  /**
   * Calls {@code action(key, valueOrNullForDelete)} for each operation in staging order. A key
   * staged more than once is passed each time, so applying the calls in order leaves its last
   * value, as {@link KeyValueStore#write} does.
   */
  public void forEach(BiConsumer<Bytes, Bytes> action) {
    for (int i = 0; i < keys.size(); i++) {
      action.accept(keys.get(i), values.get(i));
    }
  }

  private void append(Bytes key, Bytes value) {
    if (lastIndex != null) {
      lastIndex.put(key, keys.size());
    }
    keys.add(key);
    values.add(value);
  }

  private Map<Bytes, Integer> index() {
    if (lastIndex == null) {
      Map<Bytes, Integer> index = new HashMap<>(Math.max(16, keys.size() * 2));
      for (int i = 0; i < keys.size(); i++) {
        index.put(keys.get(i), i);
      }
      lastIndex = index;
    }
    return lastIndex;
  }
}
