package dev.bulwark.ledger.storage;

import dev.bulwark.ledger.types.Bytes;
import java.io.IOException;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.iq80.leveldb.CompressionType;
import org.iq80.leveldb.DB;
import org.iq80.leveldb.DBException;
import org.iq80.leveldb.Options;
import org.iq80.leveldb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link KeyValueStore} on LevelDB through the {@code org.iq80.leveldb} API, with leveldbjni or
 * the pure-Java iq80 port behind it ({@link LevelDbBackend}). A batch is one LevelDB WriteBatch,
 * which the write-ahead log makes atomic across a crash. Calls after {@link #close()} fail
 * cleanly instead of reaching a freed native handle.
 */
public final class LevelDbStore implements KeyValueStore {
  private static final Logger LOG = LoggerFactory.getLogger(LevelDbStore.class);
  private static final int WRITE_BUFFER_BYTES = 16 << 20;
  private static final long BLOCK_CACHE_BYTES = 64L << 20;
  // LevelDB's file lock does not stop a second open from the same process with the other backend.
  private static final Set<Path> OPEN_IN_THIS_PROCESS = ConcurrentHashMap.newKeySet();

  private final DB db;
  private final Path dir;
  private final LevelDbBackend backend;
  private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
  private final Set<LevelDbCursor> openCursors = ConcurrentHashMap.newKeySet();
  private boolean closed;

  private LevelDbStore(DB db, Path dir, LevelDbBackend backend) {
    this.db = db;
    this.dir = dir;
    this.backend = backend;
  }

  /**
   * Opens (creating if missing) the store in {@code dir} with the preferred backend and checks
   * its schema version and chain identity ({@link StoreMetadata}).
   */
  public static LevelDbStore open(Path dir, int expectedSchemaVersion, Bytes chainIdentity) {
    return open(dir, expectedSchemaVersion, chainIdentity, LevelDbBackend.preferred());
  }

  /** Like {@link #open(Path, int, Bytes)} with an explicit backend. */
  public static LevelDbStore open(
      Path dir, int expectedSchemaVersion, Bytes chainIdentity, LevelDbBackend backend) {
    LevelDbStore store = openWithoutMetadata(dir, backend);
    try {
      StoreMetadata.checkOrInitialize(store, expectedSchemaVersion, chainIdentity);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    return store;
  }

  /** Opens the raw LevelDB in {@code dir} without looking at the metadata keys. */
  static LevelDbStore openWithoutMetadata(Path dir, LevelDbBackend backend) {
    Path real = prepareDirectory(dir);
    if (!OPEN_IN_THIS_PROCESS.add(real)) {
      throw new StoreLockedException("data dir " + real + " is already open in this process", null);
    }
    try {
      Options options = new Options()
          .createIfMissing(true)
          .compressionType(CompressionType.NONE) // hashes do not compress; keeps files portable
          .writeBufferSize(WRITE_BUFFER_BYTES)
          .cacheSize(BLOCK_CACHE_BYTES);
      DB db = backend.factory().open(real.toFile(), options);
      LOG.info("Opened LevelDB store at {} with {}", real, backend.description());
      return new LevelDbStore(db, real, backend);
    } catch (IOException | DBException | OverlappingFileLockException e) {
      OPEN_IN_THIS_PROCESS.remove(real);
      throw openFailure(real, e);
    } catch (RuntimeException e) {
      OPEN_IN_THIS_PROCESS.remove(real);
      throw e;
    }
  }

  private static Path prepareDirectory(Path dir) {
    try {
      Files.createDirectories(dir);
      return dir.toRealPath();
    } catch (IOException e) {
      throw new StorageException("cannot create data dir " + dir + ": " + e, e);
    }
  }

  private static StorageException openFailure(Path dir, Exception e) {
    String message = String.valueOf(e.getMessage());
    if (e instanceof OverlappingFileLockException || message.toLowerCase().contains("lock")) {
      return new StoreLockedException(
          "data dir " + dir + " is locked by another process (LevelDB LOCK file held): " + message,
          e);
    }
    return new StorageException("cannot open LevelDB store at " + dir + ": " + message, e);
  }

  /** The implementation this store runs on. */
  public LevelDbBackend backend() {
    return backend;
  }

  @Override
  public Optional<Bytes> get(Bytes key) {
    return guarded("read", () -> {
      byte[] value = db.get(key.toArray());
      return value == null ? Optional.empty() : Optional.of(Bytes.of(value));
    });
  }

  @Override
  public void write(WriteBatch batch, Durability durability) {
    guarded("write", () -> {
      try (org.iq80.leveldb.WriteBatch nativeBatch = db.createWriteBatch()) {
        batch.forEach((key, value) -> {
          if (value == null) {
            nativeBatch.delete(key.toArray());
          } else {
            nativeBatch.put(key.toArray(), value.toArray());
          }
        });
        db.write(nativeBatch, new WriteOptions().sync(durability == Durability.SYNC));
      } catch (IOException e) {
        throw new StorageException("closing a write batch of " + dir + " failed: " + e, e);
      }
      return null;
    });
  }

  @Override
  public KeyValueCursor range(Bytes fromInclusive, Bytes toExclusive) {
    return guarded("iterate", () -> {
      LevelDbCursor cursor = new LevelDbCursor(this, db.iterator(), fromInclusive, toExclusive);
      openCursors.add(cursor);
      return cursor;
    });
  }

  @Override
  public String location() {
    return dir.toString();
  }

  @Override
  public void close() {
    lifecycle.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      for (LevelDbCursor cursor : openCursors) {
        cursor.release();
      }
      openCursors.clear();
      db.close();
      LOG.info("Closed LevelDB store at {}", dir);
    } catch (IOException | DBException e) {
      throw new StorageException("closing LevelDB store at " + dir + " failed: " + e, e);
    } finally {
      OPEN_IN_THIS_PROCESS.remove(dir);
      lifecycle.writeLock().unlock();
    }
  }

  /** Runs {@code action} unless the store is closed, translating LevelDB failures. */
  <T> T guarded(String what, Supplier<T> action) {
    lifecycle.readLock().lock();
    try {
      if (closed) {
        throw new StorageException("LevelDB store at " + dir + " is closed (" + what + ")");
      }
      return action.get();
    } catch (DBException e) {
      throw new StorageException(what + " on LevelDB store at " + dir + " failed: " + e, e);
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  void forget(LevelDbCursor cursor) {
    openCursors.remove(cursor);
  }
}
