package dev.bulwark.ledger.state.merkle;

import dev.bulwark.ledger.codec.DecodeException;
import dev.bulwark.ledger.storage.KeyPrefix;
import dev.bulwark.ledger.storage.KeyValueStore;
import dev.bulwark.ledger.storage.StorageException;
import dev.bulwark.ledger.storage.WriteBatch;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * Nodes by hash under {@link KeyPrefix#STATE_NODE}: reads go cache, then the pending batch, then
 * the store; writes go into the batch. Only internal nodes are cached: an update never reads a
 * leaf, and a million leaves would evict the internal nodes every update walks. Nodes are never
 * overwritten or deleted.
 */
final class NodeStore {
  private final KeyValueStore store;
  private final NodeCache cache;
  private final LongAdder loads = new LongAdder();
  private final LongAdder storeReads = new LongAdder();
  private final LongAdder writes = new LongAdder();
  private final LongAdder hashBlocks = new LongAdder();

  NodeStore(KeyValueStore store, int cacheCapacity) {
    this.store = store;
    this.cache = new NodeCache(cacheCapacity);
  }

  /** The node with {@code hash}, seeing {@code pending}'s staged nodes when it is non-null. */
  Node load(Hash hash, WriteBatch pending) {
    loads.increment();
    Node cached = cache.get(hash);
    if (cached != null) {
      return cached;
    }
    storeReads.increment();
    Bytes key = KeyPrefix.STATE_NODE.key(hash.bytes());
    Optional<Bytes> raw = pending == null ? store.get(key) : pending.readThrough(key, store);
    if (raw.isEmpty()) {
      throw new MissingNodeException("state-tree node " + hash + " is not in " + store.location()
          + " (unknown root, or its block was never committed)");
    }
    Node node;
    try {
      node = NodeCodec.decodeStored(raw.get().toArray(), hash);
    } catch (DecodeException e) {
      throw new StorageException("state-tree node " + hash + " in " + store.location()
          + " is corrupt: " + e.getMessage(), e);
    }
    if (node instanceof InternalNode) {
      cache.put(node);
    }
    return node;
  }

  /** Stages {@code node} in {@code batch} and caches it. */
  void stage(Node node, WriteBatch batch) {
    writes.increment();
    hashBlocks.add(NodeCodec.hashBlocks(node.encodingLength()));
    batch.put(KeyPrefix.STATE_NODE.key(node.hash().bytes()), Bytes.of(node.storedBytes()));
    if (node instanceof InternalNode) {
      cache.put(node);
    }
  }

  /** Drops {@code hash} from the cache (it stays in the store). */
  void evict(Hash hash) {
    cache.remove(hash);
  }

  TreeStats stats() {
    return new TreeStats(loads.sum(), storeReads.sum(), writes.sum(), hashBlocks.sum());
  }
}
