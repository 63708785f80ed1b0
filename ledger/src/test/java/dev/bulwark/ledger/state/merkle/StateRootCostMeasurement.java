package dev.bulwark.ledger.state.merkle;

import dev.bulwark.ledger.storage.Durability;
import dev.bulwark.ledger.storage.LevelDbStore;
import dev.bulwark.ledger.storage.WriteBatch;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Hand-run measurement, not a test: the cost of one 10,000-key update at 10k and at 1M keys on
 * LevelDB. Prints figures and asserts nothing. Run with
 * {@code mvn -pl ledger test -Dtest=StateRootCostMeasurement -Dbulwark.measure=true}
 * (optionally {@code -Dbulwark.measure.sizes=10000,1000000 -Dbulwark.measure.cache=262144}).
 * Printing to stdout is its purpose, hence no logger.
 */
@EnabledIfSystemProperty(named = "bulwark.measure", matches = "true")
class StateRootCostMeasurement {
  private static final int CHANGED_KEYS = 10_000;
  private static final int ROUNDS = 9;
  private static final int BUILD_CHUNK = 50_000;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  @Test
  void measure() throws IOException {
    int cache = Integer.getInteger("bulwark.measure.cache", MerkleStateTree.defaultResidentNodes());
    String sizes = System.getProperty("bulwark.measure.sizes", "10000,1000000");
    for (String size : sizes.split(",")) {
      measure(Integer.parseInt(size.trim()), cache);
    }
  }

  private void measure(int accounts, int cache) throws IOException {
    Path dir = Files.createTempDirectory("state-measure");
    Random random = new Random(accounts);
    try (LevelDbStore store = LevelDbStore.open(dir, 1, Bytes.of(new byte[32]))) {
      MerkleStateTree tree = new MerkleStateTree(store, cache);
      long t0 = System.nanoTime();
      Hash root = MerkleStateTree.EMPTY_ROOT;
      for (int from = 0; from < accounts; from += BUILD_CHUNK) {
        Map<Hash, Bytes> chunk = new HashMap<>();
        for (int i = from; i < Math.min(accounts, from + BUILD_CHUNK); i++) {
          chunk.put(TreeFixtures.key(i), account(random));
        }
        root = TreeFixtures.commit(tree, store, root, chunk);
      }
      System.out.printf("%n%,d accounts on %s, cache %,d nodes: built in %.1f s, path length %.2f%n",
          accounts, store.backend(), cache, (System.nanoTime() - t0) / 1e9,
          meanPathLength(tree, root, random, accounts));
      double[] updateMs = new double[ROUNDS];
      double[] writeMs = new double[ROUNDS];
      double[] cpuMs = new double[ROUNDS];
      for (int round = 0; round < ROUNDS; round++) {
        Map<Hash, Bytes> changes = new HashMap<>();
        while (changes.size() < CHANGED_KEYS) {
          changes.put(TreeFixtures.key(random.nextInt(accounts)), account(random));
        }
        WriteBatch batch = new WriteBatch();
        TreeStats before = tree.stats();
        long startCpu = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        root = tree.update(root, changes, batch);
        long updated = System.nanoTime();
        cpuMs[round] = (THREADS.getCurrentThreadCpuTime() - startCpu) / 1e6;
        store.write(batch, Durability.SYNC);
        long written = System.nanoTime();
        TreeStats cost = tree.stats().minus(before);
        updateMs[round] = (updated - start) / 1e6;
        writeMs[round] = (written - updated) / 1e6;
        System.out.printf("  round %d: update %.1f ms (cpu %.1f), write %.1f ms, nodes written %,d, "
                + "loads %,d, store reads %,d, batch %.1f MB%n",
            round, updateMs[round], cpuMs[round], writeMs[round], cost.nodeWrites(), cost.nodeLoads(),
            cost.storeReads(), batch.stagedBytes() / 1e6);
      }
      System.out.printf("  median of rounds 2..%d: update %.1f ms (cpu %.1f), write %.1f ms%n",
          ROUNDS - 1, median(updateMs), median(cpuMs), median(writeMs));
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** An account-sized value: nonce and balance, RLP-ish, about 40 bytes. */
  private static Bytes account(Random random) {
    byte[] v = new byte[40];
    random.nextBytes(v);
    return Bytes.of(v);
  }

  private static double meanPathLength(MerkleStateTree tree, Hash root, Random random, int n) {
    int total = 0;
    for (int i = 0; i < 1_000; i++) {
      total += tree.prove(root, TreeFixtures.key(random.nextInt(n))).nodes().size();
    }
    return total / 1_000.0;
  }

  /** Median of all rounds but the first two (JIT warm-up). */
  private static double median(double[] values) {
    double[] warm = Arrays.copyOfRange(values, 2, values.length);
    Arrays.sort(warm);
    return warm[warm.length / 2];
  }
}
