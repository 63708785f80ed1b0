package dev.bulwark.ledger.state.merkle;

import static dev.bulwark.ledger.state.merkle.TreeFixtures.commit;
import static dev.bulwark.ledger.state.merkle.TreeFixtures.key;
import static dev.bulwark.ledger.state.merkle.TreeFixtures.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bulwark.ledger.storage.Durability;
import dev.bulwark.ledger.storage.InMemoryStore;
import dev.bulwark.ledger.storage.WriteBatch;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class MerkleStateTreeTest {
  private final InMemoryStore store = new InMemoryStore();
  private final MerkleStateTree tree = new MerkleStateTree(store, 10_000);

  private static Map<Hash, Bytes> entries(int count, long seed) {
    Random random = new Random(seed);
    Map<Hash, Bytes> out = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      out.put(key(i), value(random));
    }
    return out;
  }

  @Test
  void emptyTreeHasTheConstantRootAndProvesAbsence() {
    Hash root = commit(tree, store, MerkleStateTree.EMPTY_ROOT, Map.of());
    assertThat(root).isEqualTo(MerkleStateTree.EMPTY_ROOT).isEqualTo(Hash.ZERO);
    assertThat(tree.get(root, key(1))).isEmpty();
    MerkleProof proof = tree.prove(root, key(1));
    assertThat(proof.nodes()).isEmpty();
    assertThat(MerkleStateTree.verify(root, key(1), null, proof)).isTrue();
    assertThat(MerkleStateTree.verify(root, key(1), Bytes.of((byte) 1), proof)).isFalse();
  }

  @Test
  void singleKeyRootIsItsLeafHash() {
    Bytes v = Bytes.fromHex("0x0102");
    Hash root = commit(tree, store, MerkleStateTree.EMPTY_ROOT, Map.of(key(7), v));
    byte[] leaf = Bytes.of((byte) 0).concat(key(7).bytes()).concat(v).toArray();
    assertThat(root).isEqualTo(TreeFixtures.sha256(leaf));
  }

  @Test
  void rootIsIndependentOfInsertionOrderAndBatching() {
    Map<Hash, Bytes> all = entries(2_000, 1);
    Hash oneBatch = commit(tree, store, MerkleStateTree.EMPTY_ROOT, all);

    List<Hash> keys = new ArrayList<>(all.keySet());
    Collections.shuffle(keys, new Random(2));
    Random sizes = new Random(3);
    Hash batched = MerkleStateTree.EMPTY_ROOT;
    for (int i = 0; i < keys.size(); ) {
      int end = Math.min(keys.size(), i + 1 + sizes.nextInt(300));
      Map<Hash, Bytes> chunk = new HashMap<>();
      keys.subList(i, end).forEach(k -> chunk.put(k, all.get(k)));
      batched = commit(tree, store, batched, chunk);
      i = end;
    }
    Hash oneByOne = MerkleStateTree.EMPTY_ROOT;
    for (int i = keys.size() - 1; i >= 0; i--) {
      oneByOne = commit(tree, store, oneByOne, Map.of(keys.get(i), all.get(keys.get(i))));
    }
    assertThat(batched).isEqualTo(oneBatch);
    assertThat(oneByOne).isEqualTo(oneBatch);
  }

  @Test
  void deletesRestoreEarlierRootsExactly() {
    Map<Hash, Bytes> base = entries(500, 4);
    Hash before = commit(tree, store, MerkleStateTree.EMPTY_ROOT, base);
    Map<Hash, Bytes> extra = new HashMap<>();
    Random random = new Random(5);
    for (int i = 500; i < 800; i++) {
      extra.put(key(i), value(random));
    }
    Hash grown = commit(tree, store, before, extra);
    assertThat(grown).isNotEqualTo(before);

    Map<Hash, Bytes> undo = new HashMap<>();
    extra.keySet().forEach(k -> undo.put(k, null));
    assertThat(commit(tree, store, grown, undo)).isEqualTo(before);

    Map<Hash, Bytes> everything = new HashMap<>();
    base.keySet().forEach(k -> everything.put(k, null));
    assertThat(commit(tree, store, before, everything)).isEqualTo(MerkleStateTree.EMPTY_ROOT);
  }

  @Test
  void changingAValueAndChangingItBackRestoresTheRoot() {
    Hash root = commit(tree, store, MerkleStateTree.EMPTY_ROOT, entries(300, 6));
    Bytes old = tree.get(root, key(42)).orElseThrow();
    Hash changed = commit(tree, store, root, Map.of(key(42), Bytes.of((byte) 9)));
    assertThat(tree.get(changed, key(42))).contains(Bytes.of((byte) 9));
    assertThat(commit(tree, store, changed, Map.of(key(42), old))).isEqualTo(root);
    // The old root is still readable: nodes are never overwritten.
    assertThat(tree.get(root, key(42))).contains(old);
  }

  @Test
  void noOpChangesWriteNothing() {
    Map<Hash, Bytes> all = entries(300, 7);
    Hash root = commit(tree, store, MerkleStateTree.EMPTY_ROOT, all);
    Map<Hash, Bytes> noop = new HashMap<>();
    noop.put(key(3), all.get(key(3))); // same value
    noop.put(key(10_000), null); // delete of an absent key
    WriteBatch batch = new WriteBatch();
    assertThat(tree.update(root, noop, batch)).isEqualTo(root);
    assertThat(batch.isEmpty()).isTrue();
  }

  @Test
  void proofsVerifyPresenceAndAbsenceAndRejectTampering() {
    Map<Hash, Bytes> all = entries(1_000, 8);
    Hash root = commit(tree, store, MerkleStateTree.EMPTY_ROOT, all);
    for (long i = 0; i < 1_000; i += 37) {
      Hash k = key(i);
      MerkleProof proof = tree.prove(root, k);
      assertThat(MerkleStateTree.verify(root, k, all.get(k), proof)).isTrue();
      assertThat(MerkleStateTree.verify(root, k, Bytes.of((byte) 0), proof)).isFalse();
      assertThat(MerkleStateTree.verify(root, k, null, proof)).isFalse();
      assertThat(MerkleStateTree.verify(root, key(i + 1), all.get(k), proof)).isFalse();
    }
    Hash absent = key(5_000);
    MerkleProof absence = tree.prove(root, absent);
    assertThat(tree.get(root, absent)).isEmpty();
    assertThat(MerkleStateTree.verify(root, absent, null, absence)).isTrue();
    assertThat(MerkleStateTree.verify(root, absent, Bytes.of((byte) 1), absence)).isFalse();

    MerkleProof good = tree.prove(root, key(1));
    Bytes v = all.get(key(1));
    List<Bytes> nodes = good.nodes();
    assertThat(MerkleStateTree.verify(root, key(1), v,
        new MerkleProof(nodes.subList(0, nodes.size() - 1)))).isFalse();
    assertThat(MerkleStateTree.verify(key(99), key(1), v, good)).isFalse();
    for (int n = 0; n < nodes.size(); n++) {
      byte[] flipped = nodes.get(n).toArray();
      flipped[flipped.length - 1] ^= 1;
      List<Bytes> tampered = new ArrayList<>(nodes);
      tampered.set(n, Bytes.of(flipped));
      assertThat(MerkleStateTree.verify(root, key(1), v, new MerkleProof(tampered))).isFalse();
    }
    List<Bytes> garbage = new ArrayList<>(nodes);
    garbage.set(0, Bytes.of((byte) 7, (byte) 7));
    assertThat(MerkleStateTree.verify(root, key(1), v, new MerkleProof(garbage))).isFalse();
  }

  @Test
  void keysSharingLongPrefixesNestAndCollapse() {
    byte[] a = new byte[32];
    byte[] b = new byte[32];
    byte[] c = new byte[32];
    b[31] = 1; // a and b differ only in the last nibble: a chain of one-child nodes
    c[0] = 0x10;
    Hash ka = Hash.of(a);
    Hash kb = Hash.of(b);
    Hash kc = Hash.of(c);
    Map<Hash, Bytes> all = new HashMap<>(Map.of(ka, Bytes.of((byte) 1), kb, Bytes.of((byte) 2),
        kc, Bytes.of((byte) 3)));
    Hash root = commit(tree, store, MerkleStateTree.EMPTY_ROOT, all);
    assertThat(tree.prove(root, ka).nodes()).hasSize(65); // 64 internal levels + the leaf
    for (Map.Entry<Hash, Bytes> e : all.entrySet()) {
      assertThat(tree.get(root, e.getKey())).contains(e.getValue());
      assertThat(MerkleStateTree.verify(root, e.getKey(), e.getValue(), tree.prove(root, e.getKey())))
          .isTrue();
    }
    Map<Hash, Bytes> deleteB = new HashMap<>();
    deleteB.put(kb, null);
    Hash collapsed = commit(tree, store, root, deleteB);
    Hash direct = commit(tree, store, MerkleStateTree.EMPTY_ROOT,
        Map.of(ka, Bytes.of((byte) 1), kc, Bytes.of((byte) 3)));
    assertThat(collapsed).isEqualTo(direct);
    assertThat(tree.prove(collapsed, ka).nodes()).hasSize(2);
  }

  @Test
  void oneChangedKeyTouchesOnlyItsPath() {
    Hash root = commit(tree, store, MerkleStateTree.EMPTY_ROOT, entries(20_000, 9));
    int pathLength = tree.prove(root, key(123)).nodes().size();
    TreeStats before = tree.stats();
    commit(tree, store, root, Map.of(key(123), Bytes.of((byte) 1)));
    TreeStats cost = tree.stats().minus(before);
    assertThat(pathLength).isBetween(3, 7);
    assertThat(cost.nodeWrites()).isEqualTo(pathLength);
    assertThat(cost.nodeLoads()).as("internal nodes only: the leaf is not read")
        .isEqualTo(pathLength - 1);
  }

  @Test
  void blocksChainOnUncommittedBatchesEvenWithoutACache() {
    MerkleStateTree uncached = new MerkleStateTree(store, 0);
    WriteBatch batch = new WriteBatch();
    Hash first = uncached.update(MerkleStateTree.EMPTY_ROOT, entries(200, 10), batch);
    Hash second = uncached.update(first, Map.of(key(1), Bytes.of((byte) 5)), batch);
    assertThat(uncached.get(second, key(1), batch)).contains(Bytes.of((byte) 5));
    assertThatThrownBy(() -> uncached.get(second, key(1)))
        .isInstanceOf(MissingNodeException.class).hasMessageContaining(second.toHex());
    store.write(batch, Durability.SYNC);
    assertThat(uncached.get(second, key(1))).contains(Bytes.of((byte) 5));
    assertThat(uncached.get(first, key(1))).isNotEqualTo(uncached.get(second, key(1)));
  }

  @Test
  void readsRaceUpdatesAndTrimsOfTheResidentTree() throws Exception {
    // A budget far below the tree's size makes updates cut the resident levels back while
    // readers walk and extend them; every read must still see exactly its root's state.
    MerkleStateTree small = new MerkleStateTree(store, 40);
    Map<Hash, Bytes> model = new HashMap<>(entries(4_000, 11));
    Hash first = commit(small, store, MerkleStateTree.EMPTY_ROOT, model);
    List<Map.Entry<Hash, Map<Hash, Bytes>>> published =
        Collections.synchronizedList(new ArrayList<>(List.of(Map.entry(first, Map.copyOf(model)))));
    AtomicBoolean done = new AtomicBoolean();
    ExecutorService readers = Executors.newFixedThreadPool(2);
    List<Future<Integer>> results = new ArrayList<>();
    for (int r = 0; r < 2; r++) {
      long seed = r;
      results.add(readers.submit(() -> {
        Random random = new Random(seed);
        int reads = 0;
        while (!done.get() || reads < 2_000) {
          Map.Entry<Hash, Map<Hash, Bytes>> snapshot =
              published.get(random.nextInt(published.size()));
          Hash k = key(random.nextInt(5_000));
          assertThat(small.get(snapshot.getKey(), k).orElse(null))
              .as("key %s at root %s", k, snapshot.getKey())
              .isEqualTo(snapshot.getValue().get(k));
          reads++;
        }
        return reads;
      }));
    }
    Random random = new Random(12);
    Hash root = first;
    for (int b = 0; b < 60; b++) {
      Map<Hash, Bytes> changes = new HashMap<>();
      for (int i = 0; i < 150; i++) {
        changes.put(key(random.nextInt(5_000)), random.nextInt(5) == 0 ? null : value(random));
      }
      root = commit(small, store, root, changes);
      TreeFixtures.applyTo(model, changes);
      published.add(Map.entry(root, Map.copyOf(model)));
      assertThat(small.residentNodes()).isLessThanOrEqualTo(40);
    }
    done.set(true);
    readers.shutdown();
    for (Future<Integer> f : results) {
      assertThat(f.get(60, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(2_000);
    }
    MerkleStateTree unbounded = new MerkleStateTree(new InMemoryStore());
    assertThat(root).isEqualTo(
        unbounded.update(MerkleStateTree.EMPTY_ROOT, model, new WriteBatch()));
  }

  @Test
  void anUnboundedTreeReadsNothingFromTheStoreOnceResident() {
    Hash root = commit(tree, store, MerkleStateTree.EMPTY_ROOT, entries(20_000, 13));
    MerkleStateTree reopened = new MerkleStateTree(store);
    Random random = new Random(14);
    Hash next = root;
    TreeStats first = null;
    for (int b = 0; b < 3; b++) {
      // The first block after the cold start changes every key, so it reads every internal node.
      Map<Hash, Bytes> changes = new HashMap<>();
      for (int i = 0; i < (b == 0 ? 20_000 : 500); i++) {
        changes.put(key(b == 0 ? i : random.nextInt(20_000)), value(random));
      }
      TreeStats before = reopened.stats();
      next = commit(reopened, store, next, changes);
      TreeStats cost = reopened.stats().minus(before);
      if (b == 0) {
        first = cost;
      } else {
        assertThat(cost.storeReads()).as("block %d after a cold start", b).isZero();
      }
    }
    assertThat(first.storeReads()).as("the first block after a cold start reads its path")
        .isPositive();
    assertThat(reopened.residentNodes()).isPositive();
  }

  @Test
  void aBudgetThatCutsThroughALevelKeepsPartOfIt() {
    // 20,000 keys: depths 0-2 hold 273 internal nodes, depth 3 about 3,900 and depth 4 about
    // 2,400. A budget of 2,000 keeps depths 0-2 whole and part of depth 3; a budget of 273 keeps
    // just the whole levels, as when a level that does not fit is dropped whole.
    long partial = storeReadsOfTwentyBlocks(2_000, 1_500);
    long wholeLevelsOnly = storeReadsOfTwentyBlocks(273, 273);
    assertThat(partial).isLessThan(wholeLevelsOnly * 4 / 5);
  }

  /**
   * Store reads of 20 blocks of 300 changes (some of them new keys) to a 20,000-key tree with
   * {@code budget}; checks the resident count after each block against its bounds and a walk.
   */
  private static long storeReadsOfTwentyBlocks(int budget, long minResident) {
    InMemoryStore store = new InMemoryStore();
    MerkleStateTree bounded = new MerkleStateTree(store, budget);
    Map<Hash, Bytes> model = new HashMap<>(entries(20_000, 17));
    Hash root = commit(bounded, store, MerkleStateTree.EMPTY_ROOT, model);
    Random random = new Random(18);
    long storeReads = 0;
    for (int b = 0; b < 20; b++) {
      Map<Hash, Bytes> changes = new HashMap<>();
      for (int i = 0; i < 300; i++) {
        changes.put(key(random.nextInt(25_000)), value(random));
      }
      TreeStats before = bounded.stats();
      root = commit(bounded, store, root, changes);
      TreeFixtures.applyTo(model, changes);
      storeReads += bounded.stats().minus(before).storeReads();
      assertThat(bounded.residentNodes()).as("budget %d, block %d", budget, b)
          .isBetween(minResident, (long) budget)
          .isEqualTo(bounded.residentReachable());
    }
    MerkleStateTree fresh = new MerkleStateTree(new InMemoryStore());
    assertThat(root).isEqualTo(fresh.update(MerkleStateTree.EMPTY_ROOT, model, new WriteBatch()));
    return storeReads;
  }

  @Test
  void warmingAColdTreeSparesTheFirstBlockItsStoreReads() {
    Hash root = commit(tree, store, MerkleStateTree.EMPTY_ROOT, entries(20_000, 19));
    MerkleStateTree cold = new MerkleStateTree(store);
    assertThat(cold.warm(root, () -> true)).as("stopped at once").isZero();
    long loaded = cold.warm(root, () -> false);
    assertThat(loaded).isGreaterThan(5_000);
    assertThat(cold.residentNodes()).isEqualTo(cold.residentReachable()).isEqualTo(loaded + 1);
    Random random = new Random(20);
    Map<Hash, Bytes> changes = new HashMap<>();
    for (int i = 0; i < 500; i++) {
      changes.put(key(random.nextInt(20_000)), value(random));
    }
    TreeStats before = cold.stats();
    commit(cold, store, root, changes);
    assertThat(cold.stats().minus(before).storeReads()).isZero();

    MerkleStateTree bounded = new MerkleStateTree(store, 2_000);
    assertThat(bounded.warm(root, () -> false)).isBetween(1_500L, 2_000L);
    Hash next = commit(bounded, store, root, changes);
    assertThat(bounded.residentNodes()).isBetween(1_500L, 2_000L);
    assertThat(next).isEqualTo(commit(cold, store, root, changes));
  }

  @Test
  void aWarmUpRacingBlocksLeavesTheHeadTreeResident() throws Exception {
    Map<Hash, Bytes> model = new HashMap<>(entries(20_000, 21));
    Hash root = commit(tree, store, MerkleStateTree.EMPTY_ROOT, model);
    MerkleStateTree warming = new MerkleStateTree(store);
    ExecutorService warmer = Executors.newSingleThreadExecutor();
    Random random = new Random(22);
    Hash head = root;
    try {
      Future<Long> loads = warmer.submit(() -> warming.warm(root, () -> false));
      // Blocks commit while it warms, rewriting the nodes it hangs its loads on.
      for (int b = 0; b < 5 || !loads.isDone() && b < 2_000; b++) {
        Map<Hash, Bytes> changes = randomChanges(random, 300);
        head = commit(warming, store, head, changes);
        TreeFixtures.applyTo(model, changes);
      }
      assertThat(loads.get(60, TimeUnit.SECONDS)).isPositive();
    } finally {
      warmer.shutdownNow();
    }
    // The lost loads were counted and then counted again: the count stays near the true one.
    assertThat(warming.residentNodes()).isCloseTo(warming.residentReachable(), within(600L));

    Map<Hash, Bytes> changes = randomChanges(random, 300);
    MerkleStateTree cold = new MerkleStateTree(store);
    TreeStats before = cold.stats();
    commit(cold, store, head, changes);
    long coldReads = cold.stats().minus(before).storeReads();
    before = warming.stats();
    head = commit(warming, store, head, changes);
    long warmReads = warming.stats().minus(before).storeReads();
    assertThat(warmReads).as("reads of a block after the warm-up, %d cold", coldReads)
        .isLessThan(coldReads / 5);
    TreeFixtures.applyTo(model, changes);
    MerkleStateTree fresh = new MerkleStateTree(new InMemoryStore());
    assertThat(head).isEqualTo(fresh.update(MerkleStateTree.EMPTY_ROOT, model, new WriteBatch()));
  }

  private static Map<Hash, Bytes> randomChanges(Random random, int count) {
    Map<Hash, Bytes> changes = new HashMap<>();
    for (int i = 0; i < count; i++) {
      changes.put(key(random.nextInt(20_000)), value(random));
    }
    return changes;
  }

  @Test
  void readsAndUpdatesOfAnOldRootShareTheLatestTreesSubtrees() {
    MerkleStateTree live = new MerkleStateTree(store);
    Map<Hash, Bytes> initial = entries(20_000, 15);
    Hash old = commit(live, store, MerkleStateTree.EMPTY_ROOT, initial);
    Random random = new Random(16);
    Hash head = old;
    for (int b = 0; b < 2 * NodeStore.RECENT_ROOTS; b++) { // pushes the old root out
      Map<Hash, Bytes> changes = new HashMap<>();
      for (int i = 0; i < 10; i++) {
        changes.put(key(random.nextInt(20_000)), value(random));
      }
      head = commit(live, store, head, changes);
    }
    int pathLength = live.prove(old, key(1)).nodes().size();
    assertThat(pathLength).as("internal nodes below the root to share").isGreaterThanOrEqualTo(4);

    TreeStats before = live.stats();
    for (int i = 0; i < 200; i++) {
      assertThat(live.get(old, key(i))).contains(initial.get(key(i)));
    }
    TreeStats reads = live.stats().minus(before);
    // Without sharing each read takes its whole path from the store (about 5 nodes here); with
    // it, the old root, the leaf and the nodes the later blocks rewrote: most of depth 1, a
    // quarter of depth 2.
    assertThat(reads.storeReads()).isLessThan(200L * 4);

    before = live.stats();
    Hash fork = commit(live, store, old, Map.of(key(3), Bytes.of((byte) 7)));
    assertThat(live.stats().minus(before).storeReads()).as("root and rewritten nodes only")
        .isLessThan(pathLength);
    MerkleStateTree fresh = new MerkleStateTree(new InMemoryStore());
    Map<Hash, Bytes> expected = new HashMap<>(initial);
    expected.put(key(3), Bytes.of((byte) 7));
    assertThat(fork).isEqualTo(fresh.update(MerkleStateTree.EMPTY_ROOT, expected, new WriteBatch()));
  }
}
