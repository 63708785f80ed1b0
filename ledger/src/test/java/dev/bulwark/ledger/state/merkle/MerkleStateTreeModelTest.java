package dev.bulwark.ledger.state.merkle;

import static dev.bulwark.ledger.state.merkle.TreeFixtures.commit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ledger.storage.InMemoryStore;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded random batches of inserts, updates and deletes, checked against a TreeMap model: every
 * value, every absence, proofs, and the canonical root (a fresh tree built from the model in one
 * batch must agree), plus reads at old roots.
 */
class MerkleStateTreeModelTest {
  private static final long SEED = 0x5eed_2024L;
  private static final int BATCHES = 120;

  private record Snapshot(Hash root, TreeMap<Hash, Bytes> model) {}

  /**
   * Budgets of resident nodes: none (every read goes to the store); 64 and 400 (the resident
   * levels are cut back again and again as the tree grows, the last of them kept in part); and
   * the default (everything stays resident).
   */
  @ParameterizedTest
  @ValueSource(ints = {0, 64, 400, MerkleStateTree.MIN_DEFAULT_RESIDENT_NODES})
  void randomBatchesMatchATreeMapModel(int budget) {
    Random random = new Random(SEED);
    InMemoryStore store = new InMemoryStore();
    MerkleStateTree tree = new MerkleStateTree(store, budget);
    TreeMap<Hash, Bytes> model = new TreeMap<>();
    List<Snapshot> history = new ArrayList<>();
    // A small key universe makes updates and deletes of present keys frequent.
    int universe = 3_000;
    Hash root = MerkleStateTree.EMPTY_ROOT;
    int ops = 0;
    for (int b = 0; b < BATCHES; b++) {
      Map<Hash, Bytes> changes = new HashMap<>();
      int size = 1 + random.nextInt(b % 10 == 0 ? 400 : 60);
      for (int i = 0; i < size; i++) {
        Hash k = TreeFixtures.key(random.nextInt(universe));
        boolean delete = random.nextInt(100) < (model.size() > universe / 2 ? 45 : 20);
        changes.put(k, delete ? null : TreeFixtures.value(random));
      }
      ops += changes.size();
      root = commit(tree, store, root, changes);
      TreeFixtures.applyTo(model, changes);
      String where = "seed " + SEED + " budget " + budget + " batch " + b;
      assertThat(tree.residentNodes()).as(where).isLessThanOrEqualTo(budget)
          .isEqualTo(tree.residentReachable());
      assertThat(root).as(where).isEqualTo(rebuild(model));
      for (int probe = 0; probe < 25; probe++) {
        Hash k = TreeFixtures.key(random.nextInt(universe));
        Bytes expected = model.get(k);
        assertThat(tree.get(root, k).orElse(null)).as(where).isEqualTo(expected);
        assertThat(MerkleStateTree.verify(root, k, expected, tree.prove(root, k))).as(where).isTrue();
      }
      if (b % 15 == 0) {
        history.add(new Snapshot(root, new TreeMap<>(model)));
      }
    }
    assertThat(ops).isGreaterThan(5_000);
    for (Snapshot old : history) {
      for (int probe = 0; probe < 50; probe++) {
        Hash k = TreeFixtures.key(random.nextInt(universe));
        assertThat(tree.get(old.root(), k).orElse(null)).isEqualTo(old.model().get(k));
      }
    }
  }

  private static Hash rebuild(TreeMap<Hash, Bytes> model) {
    InMemoryStore fresh = new InMemoryStore();
    return commit(new MerkleStateTree(fresh, 0), fresh, MerkleStateTree.EMPTY_ROOT, model);
  }
}
