package dev.bulwark.ledger.state.merkle;

import static dev.bulwark.ledger.state.merkle.TreeFixtures.commit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bulwark.ledger.storage.Durability;
import dev.bulwark.ledger.storage.InMemoryStore;
import dev.bulwark.ledger.storage.LevelDbBackend;
import dev.bulwark.ledger.storage.LevelDbStore;
import dev.bulwark.ledger.storage.WriteBatch;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The tree persisted in LevelDB: a reopened store gives the same root, values and proofs. */
class MerkleStateTreeLevelDbTest {
  private static final Bytes GENESIS = Bytes.fromHex("0x" + "cd".repeat(32));

  @TempDir Path tmp;

  @ParameterizedTest
  @EnumSource(LevelDbBackend.class)
  void reopenedStoreServesTheSameRootAndValues(LevelDbBackend backend) {
    assumeTrue(backend != LevelDbBackend.JNI || LevelDbBackend.jniAvailable(), "no leveldbjni");
    Random random = new Random(11);
    Map<Hash, Bytes> first = new HashMap<>();
    for (int i = 0; i < 3_000; i++) {
      first.put(TreeFixtures.key(i), TreeFixtures.value(random));
    }
    Map<Hash, Bytes> second = new HashMap<>();
    for (int i = 0; i < 3_000; i += 3) {
      second.put(TreeFixtures.key(i), i % 2 == 0 ? null : TreeFixtures.value(random));
    }
    Hash root1;
    Hash root2;
    try (LevelDbStore store = LevelDbStore.open(tmp.resolve("db"), 1, GENESIS, backend)) {
      MerkleStateTree tree = new MerkleStateTree(store);
      WriteBatch block = new WriteBatch();
      root1 = tree.update(MerkleStateTree.EMPTY_ROOT, first, block);
      root2 = tree.update(root1, second, block); // two blocks, one atomic commit
      store.write(block, Durability.SYNC);
    }
    InMemoryStore reference = new InMemoryStore();
    MerkleStateTree referenceTree = new MerkleStateTree(reference);
    Hash expected1 = commit(referenceTree, reference, MerkleStateTree.EMPTY_ROOT, first);
    assertThat(root1).isEqualTo(expected1);
    assertThat(root2).isEqualTo(commit(referenceTree, reference, expected1, second));

    try (LevelDbStore store = LevelDbStore.open(tmp.resolve("db"), 1, GENESIS, backend)) {
      MerkleStateTree reopened = new MerkleStateTree(store, 16);
      for (int i = 0; i < 3_000; i += 7) {
        Hash k = TreeFixtures.key(i);
        Bytes now = second.containsKey(k) ? second.get(k) : first.get(k);
        assertThat(reopened.get(root2, k).orElse(null)).isEqualTo(now);
        assertThat(reopened.get(root1, k)).contains(first.get(k));
        assertThat(MerkleStateTree.verify(root2, k, now, reopened.prove(root2, k))).isTrue();
      }
      Map<Hash, Bytes> third = Map.of(TreeFixtures.key(5), Bytes.of((byte) 5));
      WriteBatch batch = new WriteBatch();
      assertThat(reopened.update(root2, third, batch))
          .isEqualTo(referenceTree.update(root2, third, new WriteBatch()));
    }
  }
}
