package dev.bulwark.ledger.storage;

import dev.bulwark.ledger.types.Bytes;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.NoSuchElementException;
import org.iq80.leveldb.DBIterator;

/** A {@link KeyValueCursor} over a LevelDB iterator, bounded by an exclusive end key. */
final class LevelDbCursor implements KeyValueCursor {
  private final LevelDbStore store;
  private final DBIterator iterator;
  private final byte[] end;
  private boolean released;

  LevelDbCursor(LevelDbStore store, DBIterator iterator, Bytes fromInclusive, Bytes toExclusive) {
    this.store = store;
    this.iterator = iterator;
    this.end = toExclusive == null ? null : toExclusive.toArray();
    if (fromInclusive == null) {
      iterator.seekToFirst();
    } else {
      iterator.seek(fromInclusive.toArray());
    }
  }

  @Override
  public boolean hasNext() {
    return store.guarded("iterate", () -> {
      if (released || !iterator.hasNext()) {
        return false;
      }
      return end == null || Arrays.compareUnsigned(iterator.peekNext().getKey(), end) < 0;
    });
  }

  @Override
  public KeyValue next() {
    return store.guarded("iterate", () -> {
      if (released) {
        throw new NoSuchElementException("cursor closed");
      }
      Map.Entry<byte[], byte[]> e = iterator.next();
      if (end != null && Arrays.compareUnsigned(e.getKey(), end) >= 0) {
        throw new NoSuchElementException("past the end of the range");
      }
      return new KeyValue(Bytes.of(e.getKey()), Bytes.of(e.getValue()));
    });
  }

  @Override
  public void close() {
    store.forget(this);
    release();
  }

  /** Frees the native iterator once; called by close() or by the store closing first. */
  synchronized void release() {
    if (released) {
      return;
    }
    released = true;
    try {
      iterator.close();
    } catch (IOException e) {
      throw new StorageException("closing an iterator failed: " + e, e);
    }
  }
}
