package dev.bulwark.ledger.storage;

import dev.bulwark.ledger.types.Bytes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/** A sorted in-memory {@link KeyValueStore} for tests; batches apply under one lock. */
public final class InMemoryStore implements KeyValueStore {
  private final NavigableMap<Bytes, Bytes> data = new TreeMap<>();
  private boolean closed;

  @Override
  public synchronized Optional<Bytes> get(Bytes key) {
    ensureOpen();
    return Optional.ofNullable(data.get(key));
  }

  @Override
  public synchronized void write(WriteBatch batch, Durability durability) {
    ensureOpen();
    batch.forEach(
        (key, value) -> {
          if (value == null) {
            data.remove(key);
          } else {
            data.put(key, value);
          }
        });
  }

  @Override
  public synchronized KeyValueCursor range(Bytes fromInclusive, Bytes toExclusive) {
    ensureOpen();
    NavigableMap<Bytes, Bytes> view = data;
    if (fromInclusive != null) {
      view = view.tailMap(fromInclusive, true);
    }
    if (toExclusive != null) {
      view = view.headMap(toExclusive, false);
    }
    // A copy gives the cursor snapshot semantics like a LevelDB iterator.
    List<KeyValue> snapshot = new ArrayList<>(view.size());
    for (Map.Entry<Bytes, Bytes> e : view.entrySet()) {
      snapshot.add(new KeyValue(e.getKey(), e.getValue()));
    }
    Iterator<KeyValue> it = snapshot.iterator();
    return new KeyValueCursor() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public KeyValue next() {
        return it.next();
      }

      @Override
      public void close() {
        // nothing to release
      }
    };
  }

  /** Number of stored entries. */
  public synchronized int size() {
    return data.size();
  }

  @Override
  public String location() {
    return "memory";
  }

  @Override
  public synchronized void close() {
    closed = true;
  }

  private void ensureOpen() {
    if (closed) {
      throw new StorageException("in-memory store is closed");
    }
  }
}
