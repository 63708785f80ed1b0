package dev.bulwark.ledger.state.merkle;

import dev.bulwark.ledger.codec.DecodeException;
import dev.bulwark.ledger.storage.KeyPrefix;
import dev.bulwark.ledger.storage.KeyValueStore;
import dev.bulwark.ledger.storage.StorageException;
import dev.bulwark.ledger.storage.WriteBatch;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;

/**
 * Nodes by hash under {@link KeyPrefix#STATE_NODE}, and the part of the tree kept in memory.
 *
 * <p><b>Resident tree.</b> The roots of the last few updates are kept, and internal nodes hold
 * their internal children ({@link InternalNode#resident}), so the upper levels of the live tree
 * are an object graph that updates and reads walk without any lookup. Leaves are never kept: an
 * update never reads one, and a million of them would cost more memory than all internal nodes.
 * A node missing from the graph is read from the pending batch or the store and hung in place.
 * A root that is not resident (an old state, or a fork more than a few blocks back) is walked
 * alongside the latest resident tree, and every subtree whose hash matches is taken from it.
 *
 * <p><b>Memory bound.</b> The number of resident internal nodes is kept within {@code budget}.
 * Past it, the levels that fit whole stay resident and the first level that does not fit is kept
 * in part: a trim lets go of its nodes beyond about 15/16 of the budget, and of every node below
 * it, for good. Nodes of that partial level read later are kept only while the count is under
 * that mark, and the rest are read from the store whenever an update touches them. Keeping part of
 * the level, not dropping it whole, matters: at 2M keys the deepest full level alone passes the
 * default budget, and dropping it made a 10,000-key update read 10,000 nodes from the store, 13
 * times slower (measured). Which part is kept does not matter for keys spread by keccak: every
 * node is as likely to be touched as any other. Nodes are never overwritten in the store; the
 * chain store may delete those of states it no longer keeps (a read of such a state then fails
 * with {@link MissingNodeException}, or, where it finds the node in memory, answers correctly:
 * content addressing never gives a wrong value).
 */
final class NodeStore {
  /** Roots of recent updates kept in memory: the head and the blocks pipelined on it. */
  static final int RECENT_ROOTS = 4;
  private static final int MAX_DEPTH = 2 * Hash.SIZE + 1;
  private static final int WARM_PASSES = 3;

  private final KeyValueStore store;
  private final long budget;
  private final long admitLimit; // a partial level admits nodes while the count is under this
  private final NodeCache roots = new NodeCache(RECENT_ROOTS);
  private final AtomicLong resident = new AtomicLong();
  private volatile int residentDepth; // nodes at depths below this may be resident
  private volatile int partialDepth = -1; // the resident level kept in part, or -1
  private volatile InternalNode latest; // the root kept last
  private final LongAdder loads = new LongAdder();
  private final LongAdder storeReads = new LongAdder();
  private final LongAdder writes = new LongAdder();
  private final LongAdder hashBlocks = new LongAdder();

  NodeStore(KeyValueStore store, long budget) {
    if (budget < 0) {
      throw new IllegalArgumentException("resident node budget must be >= 0: " + budget);
    }
    this.store = store;
    this.budget = budget;
    // The slack between the two marks spaces the trims out: each one walks the resident tree.
    this.admitLimit = budget - budget / 16;
    this.residentDepth = budget == 0 ? 0 : MAX_DEPTH;
  }

  /**
   * Where a walk of the tree {@code root} starts: its top node; whether that node is a recent
   * root (whose resident children the walk may extend); and, when it is not, the latest resident
   * root to align with (see {@link #child}).
   */
  record Start(Node node, boolean resident, InternalNode shadow) {}

  /**
   * The start of a walk of the tree {@code root}. An update's root ({@code forUpdate}) is kept as
   * a recent root, so the tree it grows stays in memory; a read's root is not, so reading old
   * states never pushes the head out.
   */
  Start start(Hash root, WriteBatch pending, boolean forUpdate) {
    Node kept = roots.get(root);
    if (kept != null) {
      return new Start(kept, true, null);
    }
    InternalNode shadow = latest;
    Node node = read(root, pending);
    if (forUpdate) {
      keepRoot(node);
    }
    return new Start(node, false, shadow);
  }

  /** Keeps {@code node} as a recent root when the budget allows any residency. */
  void keepRoot(Node node) {
    if (node instanceof InternalNode internal && residentDepth > 0) {
      roots.put(internal);
      latest = internal;
    }
  }

  /**
   * The internal child at {@code nibble} of {@code parent} (at {@code depth}): the resident one;
   * else, when {@code shadow} (the node at the same path in the latest resident tree, or null)
   * holds a resident child with the same hash, that one, since equal hashes mean equal subtrees;
   * else read by hash. When {@code attach} and the depth is within the resident levels, the
   * child is kept under {@code parent}.
   */
  InternalNode child(InternalNode parent, InternalNode shadow, int depth, int nibble,
      WriteBatch pending, boolean attach) {
    InternalNode kept = parent.resident(nibble);
    if (kept != null) {
      return kept;
    }
    InternalNode twin = shadow == null ? null : shadow.resident(nibble);
    InternalNode child;
    boolean loaded = false;
    if (twin != null && parent.childHashEquals(nibble, twin.hash())) {
      child = twin;
    } else {
      Hash hash = parent.childHash(nibble);
      if (!(read(hash, pending) instanceof InternalNode read)) {
        throw new StorageException("state-tree node " + hash + " in " + store.location()
            + " is a leaf where its parent records an internal node");
      }
      child = read;
      loaded = true;
    }
    if (attach && keepsChildrenAt(depth) && (!loaded || admits(depth + 1))) {
      parent.keep(nibble, child);
      if (loaded) {
        resident.incrementAndGet();
      }
    }
    return child;
  }

  /**
   * Loads the internal nodes of the latest resident tree (the tree at {@code root} when none is
   * kept yet) into memory, level by level from the top, until the count reaches the admission
   * mark, the resident levels end, or {@code stop}; returns how many it read from the store.
   * An update running meanwhile replaces the nodes it rewrites, and what was loaded under their
   * old versions is lost; so each level starts again from the latest root, and a later pass
   * loads what the earlier one lost.
   */
  long warm(Hash root, BooleanSupplier stop) {
    if (latest == null) {
      start(root, null, true);
    }
    long loaded = 0;
    for (int pass = 0; pass < WARM_PASSES; pass++) {
      long passLoads = warmPass(stop);
      loaded += passLoads;
      // The lost loads were counted: count what is resident now. An update finishing during
      // the walk may leave the count off by its few new nodes until the next trim.
      resident.set(residentReachable());
      if (passLoads == 0 || stop.getAsBoolean() || resident.get() >= admitLimit) {
        break;
      }
    }
    return loaded;
  }

  private long warmPass(BooleanSupplier stop) {
    long loaded = 0;
    for (int depth = 0; keepsChildrenAt(depth); depth++) {
      List<InternalNode> level = residentLevel(latest, depth);
      for (InternalNode parent : level) {
        for (int nibble = 0; nibble < 16; nibble++) {
          if (stop.getAsBoolean() || resident.get() >= admitLimit) {
            return loaded;
          }
          if (parent.internalChild(nibble) && parent.resident(nibble) == null) {
            child(parent, null, depth, nibble, null, true);
            loaded++;
          }
        }
      }
      if (level.isEmpty()) {
        break;
      }
    }
    return loaded;
  }

  /** The nodes at {@code depth} below {@code root} that resident pointers reach. */
  private static List<InternalNode> residentLevel(InternalNode root, int depth) {
    List<InternalNode> level = root == null ? List.of() : List.of(root);
    for (int d = 0; d < depth && !level.isEmpty(); d++) {
      level = residentChildren(level);
    }
    return level;
  }

  /** The resident children of the nodes of {@code level}, in order. */
  private static List<InternalNode> residentChildren(List<InternalNode> level) {
    List<InternalNode> next = new ArrayList<>();
    for (InternalNode node : level) {
      for (int nibble = 0; nibble < 16; nibble++) {
        InternalNode child = node.resident(nibble);
        if (child != null) {
          next.add(child);
        }
      }
    }
    return next;
  }

  /** Reads the node with {@code hash} from {@code pending} (when non-null) or the store. */
  Node read(Hash hash, WriteBatch pending) {
    storeReads.increment();
    Bytes key = KeyPrefix.STATE_NODE.key(hash.bytes());
    Optional<Bytes> raw = pending == null ? store.get(key) : pending.readThrough(key, store);
    if (raw.isEmpty()) {
      throw new MissingNodeException("state-tree node " + hash + " is not in " + store.location()
          + " (unknown root, or its block was never committed)");
    }
    try {
      return NodeCodec.decodeStored(raw.get().toArray(), hash);
    } catch (DecodeException e) {
      throw new StorageException("state-tree node " + hash + " in " + store.location()
          + " is corrupt: " + e.getMessage(), e);
    }
  }

  /** Counts {@code count} nodes visited by an update or a read. */
  void visited(long count) {
    loads.add(count);
  }

  /** True when a node at {@code depth} keeps its internal children in memory. */
  boolean keepsChildrenAt(int depth) {
    return depth + 1 < residentDepth;
  }

  /** True when a node at {@code depth} is part of the resident levels. */
  boolean residentAt(int depth) {
    return depth < residentDepth;
  }

  /** True when a node at {@code depth}, one of the resident levels, may be kept now it is read. */
  private boolean admits(int depth) {
    return depth != partialDepth || resident.get() < admitLimit;
  }

  /** Adjusts the count of resident internal nodes by {@code delta}. */
  void residentChanged(long delta) {
    resident.addAndGet(delta);
  }

  /** Stages {@code node} in {@code batch}; the caller counts it (see {@link #written}). */
  void stage(Node node, WriteBatch batch) {
    // The stored bytes of a node never change, so the batch may hold them without a copy.
    batch.put(KeyPrefix.STATE_NODE.key(node.hash().bytes()), Bytes.wrap(node.storedBytes()));
  }

  /** Counts {@code nodes} nodes staged, whose hashing took {@code blocks} SHA-256 blocks. */
  void written(long nodes, long blocks) {
    writes.add(nodes);
    hashBlocks.add(blocks);
  }

  /**
   * Brings the resident levels under {@code root} back within the budget when the count has
   * passed it: counts the resident nodes level by level, keeps the levels that fit whole, keeps
   * the next level's nodes up to the admission mark, and lets go of everything below, for good.
   */
  void trimIfOverBudget(InternalNode root) {
    if (resident.get() <= budget) {
      return;
    }
    List<InternalNode> level = List.of(root);
    List<InternalNode> lastKept = List.of();
    long kept = 0;
    int depth = 0;
    while (!level.isEmpty() && kept + level.size() <= budget) {
      kept += level.size();
      lastKept = level;
      level = residentChildren(level);
      depth++;
    }
    if (level.isEmpty()) {
      resident.set(kept); // the estimate had drifted high: everything fits
      return;
    }
    long room = Math.max(0, admitLimit - kept);
    for (InternalNode parent : lastKept) {
      for (int nibble = 0; nibble < 16; nibble++) {
        InternalNode child = parent.resident(nibble);
        if (child == null) {
          continue;
        }
        if (room > 0) {
          room--;
          kept++;
          child.forgetChildren();
        } else {
          parent.forget(nibble);
        }
      }
    }
    partialDepth = depth;
    residentDepth = depth + 1;
    resident.set(kept);
  }

  /**
   * Internal nodes reachable from the latest root through resident pointers, the root included:
   * what the count should be when no reader has attached nodes to an older root. A full walk.
   */
  long residentReachable() {
    InternalNode root = latest;
    if (root == null) {
      return 0;
    }
    long count = 0;
    for (List<InternalNode> level = List.of(root); !level.isEmpty();
        level = residentChildren(level)) {
      count += level.size();
    }
    return count;
  }

  /** Resident internal nodes, as counted. */
  long residentNodes() {
    return resident.get();
  }

  TreeStats stats() {
    return new TreeStats(loads.sum(), storeReads.sum(), writes.sum(), hashBlocks.sum());
  }
}
