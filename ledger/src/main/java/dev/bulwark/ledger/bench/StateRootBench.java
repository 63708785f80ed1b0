package dev.bulwark.ledger.bench;

import dev.bulwark.ledger.state.Account;
import dev.bulwark.ledger.state.AccountCodec;
import dev.bulwark.ledger.state.StateKeys;
import dev.bulwark.ledger.state.merkle.MerkleStateTree;
import dev.bulwark.ledger.state.merkle.TreeStats;
import dev.bulwark.ledger.storage.Durability;
import dev.bulwark.ledger.storage.LevelDbStore;
import dev.bulwark.ledger.storage.WriteBatch;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Part 2: the cost of one block's state-root update at two state sizes. A LevelDB state tree of
 * {@code accounts} real account leaves (keys {@link StateKeys#account}, values {@link
 * AccountCodec}) is built in chunks; then each round changes {@code changedKeys} distinct random
 * accounts (what a block of about half as many transfers touches: sender and recipient each) and
 * times {@link MerkleStateTree#update} alone on the thread's CPU clock, then the synced write of
 * its nodes separately. The figure is the median of the rounds after the warm-up ones.
 */
final class StateRootBench {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final int BUILD_CHUNK = 50_000;

  private StateRootBench() {}

  /** Median per-round costs in milliseconds. */
  record Result(int accounts, double updateCpuMs, double updateWallMs, double writeMs, double nodesWritten) {}

  static Result run(Path dir, int accounts, int changedKeys, int warmupRounds, int rounds, Consumer<String> out) {
    if (changedKeys > accounts) {
      throw new IllegalArgumentException(changedKeys + " changed keys out of " + accounts + " accounts");
    }
    Random random = new Random(accounts);
    try (LevelDbStore store = LevelDbStore.open(dir, 1, Bytes.of(new byte[32]))) {
      MerkleStateTree tree = new MerkleStateTree(store);
      long t0 = System.nanoTime();
      Hash root = MerkleStateTree.EMPTY_ROOT;
      for (int from = 0; from < accounts; from += BUILD_CHUNK) {
        Map<Hash, Bytes> chunk = new HashMap<>();
        for (int i = from; i < Math.min(accounts, from + BUILD_CHUNK); i++) {
          chunk.put(key(i), value(random));
        }
        WriteBatch batch = new WriteBatch();
        root = tree.update(root, chunk, batch);
        store.write(batch, Durability.NO_SYNC);
      }
      out.accept(String.format("state root: %,d accounts built in %.1f s", accounts, (System.nanoTime() - t0) / 1e9));
      double[] cpu = new double[rounds];
      double[] wall = new double[rounds];
      double[] write = new double[rounds];
      double[] nodes = new double[rounds];
      for (int round = 0; round < warmupRounds + rounds; round++) {
        Map<Hash, Bytes> changes = new HashMap<>();
        while (changes.size() < changedKeys) {
          changes.put(key(random.nextInt(accounts)), value(random));
        }
        WriteBatch batch = new WriteBatch();
        TreeStats before = tree.stats();
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long w0 = System.nanoTime();
        root = tree.update(root, changes, batch);
        long w1 = System.nanoTime();
        long cpu1 = THREADS.getCurrentThreadCpuTime();
        store.write(batch, Durability.SYNC);
        long w2 = System.nanoTime();
        TreeStats cost = tree.stats().minus(before);
        out.accept(String.format("  %,d accounts, round %d%s: update %.1f ms (cpu %.1f), synced write %.1f ms,"
                + " %,d nodes written, %,d store reads",
            accounts, round, round < warmupRounds ? " (warm-up)" : "", (w1 - w0) / 1e6, (cpu1 - cpu0) / 1e6,
            (w2 - w1) / 1e6, cost.nodeWrites(), cost.storeReads()));
        if (round >= warmupRounds) {
          int i = round - warmupRounds;
          cpu[i] = (cpu1 - cpu0) / 1e6;
          wall[i] = (w1 - w0) / 1e6;
          write[i] = (w2 - w1) / 1e6;
          nodes[i] = cost.nodeWrites();
        }
      }
      return new Result(accounts, Stats.median(cpu), Stats.median(wall), Stats.median(write), Stats.median(nodes));
    }
  }

  private static Hash key(int i) {
    byte[] a = ByteBuffer.allocate(Address.SIZE).putInt(Address.SIZE - 4, i).array();
    return StateKeys.account(new Address(Bytes.of(a)));
  }

  private static Bytes value(Random random) {
    return AccountCodec.encode(new Account(1 + random.nextInt(1000), BigInteger.valueOf(random.nextLong() & Long.MAX_VALUE)
        .multiply(BigInteger.valueOf(1_000_000))));
  }
}
