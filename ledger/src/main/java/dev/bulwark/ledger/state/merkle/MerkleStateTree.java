package dev.bulwark.ledger.state.merkle;

import dev.bulwark.ledger.storage.KeyValueStore;
import dev.bulwark.ledger.storage.WriteBatch;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The state commitment: a persistent authenticated map from 32-byte keys (callers pass keccak256
 * of account or storage keys, so keys are uniformly spread) to byte values, identified by a
 * 32-byte root hash.
 *
 * <p><b>Structure.</b> A 16-ary (hexary) sparse Merkle radix tree in the style of Aptos's
 * Jellyfish Merkle tree: internal nodes branch on one nibble of the key and list their non-empty
 * children's hashes under a 16-bit mask; a key lives in a leaf placed at the shallowest depth
 * where no other key shares its prefix. So the tree is exactly as deep as the keys need (a path
 * is about log16 n + 1.6 nodes: 5 at 10k keys, 6.7 at 1M, measured), its shape is a function of
 * the key set alone, and the
 * root does not depend on insertion order or batching; deleting keys restores earlier roots
 * exactly. There are no extension nodes: two keys sharing a long prefix (a keccak near-collision)
 * just get a chain of one-child internal nodes. The empty tree's root is {@link #EMPTY_ROOT}.
 *
 * <p><b>Why this shape.</b> Versus a binary sparse Merkle tree (about 20 levels at 1M keys), a
 * changed key rewrites 3 to 4 times fewer nodes, and per-node costs (a store put, a cache slot, an
 * allocation, one hash call) dominate the few extra bytes hashed per node; the price is larger
 * proofs (up to 15 sibling hashes per level, about 2.5 KB at 1M keys), which are off the block
 * path. Versus Ethereum's Patricia trie, it needs no RLP, no embedded nodes and no extension-node
 * cases, and Bulwark does not promise MPT-compatible roots.
 *
 * <p><b>Node hash.</b> A node is identified and committed by the SHA-256 of its encoding (see
 * {@code NodeCodec}); only the keys are keccak256, because they come from Ethereum addresses and
 * slots. The root is Bulwark's own commitment, not Ethereum's, and DESIGN.md does not fix its
 * hash, so it uses the faster one: with the CPU's SHA extensions the JDK's SHA-256 is about 9
 * times faster than BouncyCastle's keccak per byte (512 bytes: 0.53 vs 4.8 us, measured), and a
 * large tree hashes 3 to 4 times the bytes per changed key that a small one does, because its
 * internal nodes are full (16 child hashes) where a small tree's bottom nodes hold 2 or 3; with
 * keccak that hashing was about a third of an update's CPU at 1M keys.
 *
 * <p><b>Cost.</b> {@link #update} sorts the changed keys and walks them in one recursive pass:
 * each subtree gets the contiguous run of changes under its prefix, so a node shared by many
 * changed keys is visited and hashed once per call, untouched subtrees are never visited, and the
 * work is O(changed keys x depth), independent of the total number of keys. A block that changes
 * every key of a small state shares most of its paths, so at equal changed keys a large state
 * writes more nodes: 10,000 changed keys write 13.9k nodes at 10k keys and 30k at 1M.
 *
 * <p><b>Memory.</b> The roots of the last few updates and the internal nodes below them stay in
 * memory as an object graph (each node holds its internal children), within a bound on resident
 * nodes (see {@code NodeStore}): an update or a read walks it by pointer and reads from the store
 * only the nodes not yet resident. This replaced an LRU cache by hash, whose lookups in a map of
 * 340k nodes (a few cache misses each) were the largest part of an update at 1M keys: the update
 * of 10,000 changed keys at 1M keys went from 63 to 22-26 ms of CPU (medians, same machine), and
 * the heap of a 1M-key tree from about 240 MB to 150-185 MB.
 *
 * <p><b>Storage.</b> Nodes are content-addressed: stored under {@code STATE_NODE | sha256(node)}
 * and never overwritten; every root ever committed stays readable unless the chain store prunes
 * the nodes of old states (its state-history option, see {@code StatePruner}), using {@link
 * #difference}. Each internal node stores (unhashed) the keys of its leaf children, so an
 * update reads no leaf at all. New nodes go into the caller's {@link WriteBatch} (committed with
 * the block); reads that pass the batch see its nodes before it is committed.
 *
 * <p>Thread-safety: reads may run concurrently with each other and with one update.
 */
public final class MerkleStateTree {
  /** Root of the tree with no keys: 32 zero bytes (no node hashes to it). */
  public static final Hash EMPTY_ROOT = Hash.ZERO;
  /**
   * The least default bound of resident internal nodes: every internal node of a tree of about
   * 1.5M keys (a 1M-key tree has about 340k, some 150 MB).
   */
  public static final int MIN_DEFAULT_RESIDENT_NODES = 1 << 19;
  // A resident node takes about 430 bytes on average (measured at 1M keys), so one per 2 KiB of
  // heap gives the tree at most about a fifth of it.
  private static final long HEAP_BYTES_PER_DEFAULT_NODE = 2048;
  private static final int MAX_DEFAULT_RESIDENT_NODES = 1 << 26;

  private final NodeStore nodes;

  /**
   * The default bound of resident internal nodes: one per 2 KiB of this JVM's maximum heap, at
   * least {@link #MIN_DEFAULT_RESIDENT_NODES}. A 6 GiB heap (the JVM's default on 24 GiB) gives
   * about 3.1M, every internal node of about 9M keys.
   */
  public static int defaultResidentNodes() {
    long byHeap = Runtime.getRuntime().maxMemory() / HEAP_BYTES_PER_DEFAULT_NODE;
    return (int) Math.max(MIN_DEFAULT_RESIDENT_NODES, Math.min(byHeap, MAX_DEFAULT_RESIDENT_NODES));
  }

  /** A tree over {@code store} with the default bound of resident nodes. */
  public MerkleStateTree(KeyValueStore store) {
    this(store, defaultResidentNodes());
  }

  /**
   * A tree over {@code store} keeping about {@code residentNodes} internal nodes in memory at most
   * (0: none, every node is read from the store).
   */
  public MerkleStateTree(KeyValueStore store, int residentNodes) {
    this.nodes = new NodeStore(store, residentNodes);
  }

  /**
   * Applies {@code changes} (a null value deletes the key) to the tree at {@code root}, stages
   * the new nodes in {@code batch} and returns the new root. Nodes staged earlier in the same
   * batch are visible, so several blocks can be chained before one commit.
   */
  public Hash update(Hash root, Map<Hash, Bytes> changes, WriteBatch batch) {
    if (changes.isEmpty()) {
      return root;
    }
    ChildRef updated =
        new BatchUpdate(nodes, batch, changes).run(root.equals(EMPTY_ROOT) ? null : root);
    if (updated == null) {
      return EMPTY_ROOT;
    }
    if (updated.node() != null) {
      nodes.keepRoot(updated.node());
      nodes.trimIfOverBudget(updated.node());
    }
    return updated.hash();
  }

  /** The value of {@code key} in the committed tree at {@code root}. */
  public Optional<Bytes> get(Hash root, Hash key) {
    return get(root, key, null);
  }

  /** The value of {@code key} at {@code root}, also seeing nodes staged in {@code pending}. */
  public Optional<Bytes> get(Hash root, Hash key, WriteBatch pending) {
    Node end = walk(root, key, pending, null);
    return end instanceof LeafNode leaf && leaf.hasKey(key)
        ? Optional.of(leaf.value())
        : Optional.empty();
  }

  /** A proof of {@code key}'s value, or of its absence, under the committed {@code root}. */
  public MerkleProof prove(Hash root, Hash key) {
    List<Bytes> encodings = new ArrayList<>();
    List<Node> path = new ArrayList<>();
    walk(root, key, null, path);
    for (Node node : path) {
      encodings.add(Bytes.of(node.encoding()));
    }
    return new MerkleProof(encodings);
  }

  /**
   * The nodes of the tree at {@code from} that are not in the tree at {@code to} and the reverse,
   * reading nodes staged in {@code pending} too (may be null). For pruning old states: the cost
   * is that of the nodes the change rewrote.
   */
  public TreeDiff difference(Hash from, Hash to, WriteBatch pending) {
    return new TreeDiffer(nodes, pending).run(from, to);
  }

  /**
   * The hashes of the nodes a proof of {@code key} under {@code root} consists of, reading nodes
   * staged in {@code pending} too: what must be kept for {@link #prove} to keep working there.
   */
  public List<Hash> proofNodes(Hash root, Hash key, WriteBatch pending) {
    List<Node> path = new ArrayList<>();
    walk(root, key, pending, path);
    List<Hash> out = new ArrayList<>(path.size());
    for (Node node : path) {
      out.add(node.hash());
    }
    return out;
  }

  /**
   * True iff {@code proof} shows that under {@code root} the key maps to {@code value}, or is
   * absent when {@code value} is null. Needs no store; never throws for malformed proofs.
   */
  public static boolean verify(Hash root, Hash key, Bytes value, MerkleProof proof) {
    return ProofVerifier.verify(root, key, value, proof);
  }

  /**
   * Loads the internal nodes of the tree at {@code root} into memory from the top, as far as the
   * bound allows, until {@code stop} says so; returns how many it loaded. For the head after a
   * restart: without it the first blocks read most of their paths from the store. May run
   * alongside reads and an update; if the head moves meanwhile it warms the newer tree.
   */
  public long warm(Hash root, BooleanSupplier stop) {
    return root.equals(EMPTY_ROOT) ? 0 : nodes.warm(root, stop);
  }

  /** Internal nodes kept in memory, as counted for the bound (see {@code NodeStore}). */
  public long residentNodes() {
    return nodes.residentNodes();
  }

  /** Internal nodes resident under the latest root, by a full walk (for checks). */
  long residentReachable() {
    return nodes.residentReachable();
  }

  /** Counters since this tree was created, for metrics and measurements. */
  public TreeStats stats() {
    return nodes.stats();
  }

  /**
   * Walks {@code key}'s path from {@code root} to where its search ends, adding each node to
   * {@code path} when it is non-null, and returns the last node read: the key's leaf, another
   * key's leaf, an internal node with an empty slot, or null for the empty tree. A lookup
   * ({@code path} null) stops above a leaf that its parent shows to hold another key, since that
   * proves the key absent without reading it, and keeps the nodes it reads under a recent root in
   * memory; a proof reads that leaf too and leaves memory as it is.
   */
  private Node walk(Hash root, Hash key, WriteBatch pending, List<Node> path) {
    if (root.equals(EMPTY_ROOT)) {
      return null;
    }
    NodeStore.Start start = nodes.start(root, pending, false);
    boolean attach = path == null && start.resident();
    Node node = start.node();
    InternalNode shadow = start.shadow();
    for (int depth = 0; ; depth++) {
      nodes.visited(1);
      if (path != null) {
        path.add(node);
      }
      if (!(node instanceof InternalNode internal)) {
        return node;
      }
      int nibble = NodeCodec.nibble(key, depth);
      if ((internal.mask() & 1 << nibble) == 0) {
        return node;
      }
      if (internal.leafChild(nibble)) {
        if (path == null && !internal.leafKeyEquals(nibble, key)) {
          return node;
        }
        node = nodes.read(internal.childHash(nibble), pending);
      } else {
        node = nodes.child(internal, shadow, depth, nibble, pending, attach);
        shadow = shadow == null ? null : shadow.resident(nibble);
      }
    }
  }
}
