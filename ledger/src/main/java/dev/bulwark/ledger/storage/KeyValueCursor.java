package dev.bulwark.ledger.storage;

import java.util.Iterator;

/** Entries of a key range in ascending unsigned key order; must be closed to free the snapshot. */
public interface KeyValueCursor extends Iterator<KeyValue>, AutoCloseable {
  /** Releases the underlying iterator; never throws a checked exception. */
  @Override
  void close();
}
