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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Part 2: the cost of one block's state-root update at two state sizes. For each size a LevelDB
 * state tree of real account leaves (keys {@link StateKeys#account}, values {@link AccountCodec})
 * is built in chunks, one size after the other. After JIT warm-up rounds, each measured round
 * changes {@code changedKeys} distinct random accounts (what a block of half as many transfers
 * touches: a sender and a recipient each) and times {@link MerkleStateTree#update} alone on the
 * thread's CPU clock, then the synced write of its nodes separately.
 */
final class StateRootBench {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final Allocation ALLOCATION = new Allocation();
  private static final int BUILD_CHUNK = 50_000;
  private static final long SETTLE_MILLIS = 100;

  private final int accounts;
  private final LevelDbStore store;
  private final MerkleStateTree tree;
  private final Random random;
  private Hash root = MerkleStateTree.EMPTY_ROOT;

  /**
   * Per-size figures over the measured rounds: update CPU (min and median), write, nodes and the
   * SHA-256 blocks hashing them took (medians).
   */
  record Result(
      int accounts,
      double minCpuMs,
      double medianCpuMs,
      double medianWriteMs,
      double nodesWritten,
      double hashBlocks) {}

  private StateRootBench(Path dir, int accounts) {
    this.accounts = accounts;
    this.store = LevelDbStore.open(dir, 1, Bytes.of(new byte[32]));
    this.tree = new MerkleStateTree(store);
    this.random = new Random(accounts);
  }

  /** Measures both sizes, one after the other; the first result is {@code smallAccounts}'. */
  static List<Result> run(
      Path dir,
      int smallAccounts,
      int largeAccounts,
      int changedKeys,
      int warmupRounds,
      int rounds,
      Consumer<String> out) {
    // One state at a time, as a node holds one: with both trees in one heap the small tree's
    // nodes end up scattered among the large one's, which slowed the small updates by half and
    // flattered the ratio (measured). The JIT warm-up runs on each size before it is measured.
    List<Result> results = new ArrayList<>();
    for (int accounts : List.of(smallAccounts, largeAccounts)) {
      StateRootBench b = new StateRootBench(dir.resolve("state-" + accounts), accounts);
      try {
        results.add(b.measure(changedKeys, warmupRounds, rounds, out));
      } finally {
        b.store.close();
      }
    }
    return results;
  }

  private Result measure(int changedKeys, int warmupRounds, int rounds, Consumer<String> out) {
    long t0 = System.nanoTime();
    build();
    out.accept(
        String.format(
            "state root: %,d accounts built in %.1f s", accounts, (System.nanoTime() - t0) / 1e9));
    double[] cpu = new double[rounds];
    double[] write = new double[rounds];
    double[] nodes = new double[rounds];
    double[] blocks = new double[rounds];
    for (int round = 0; round < warmupRounds + rounds; round++) {
      boolean warmup = round < warmupRounds;
      if (!warmup) {
        settle();
      }
      double[] m = round(changedKeys);
      if (warmup && round < warmupRounds - 1) {
        continue; // the warm-up's times only show the JIT at work
      }
      out.accept(
          String.format(
              "  %,d accounts, round %d%s: update cpu %.1f ms (wall %.1f), synced write %.1f ms,"
                  + " %,.0f nodes written, %,.0f sha256 blocks, %,.0f store reads, %.1f MB"
                  + " allocated",
              accounts,
              round,
              warmup ? " (last warm-up)" : "",
              m[0],
              m[1],
              m[2],
              m[3],
              m[5],
              m[4],
              m[6]));
      if (!warmup) {
        int at = round - warmupRounds;
        cpu[at] = m[0];
        write[at] = m[2];
        nodes[at] = m[3];
        blocks[at] = m[5];
      }
    }
    return result(accounts, cpu, write, nodes, blocks);
  }

  /**
   * Lets the previous round's garbage and LevelDB's background compaction of its synced write
   * settle before the next measured update, so they do not share its CPU and caches.
   */
  private static void settle() {
    System.gc();
    try {
      Thread.sleep(SETTLE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while settling between rounds", e);
    }
  }

  private static Result result(
      int accounts, double[] cpu, double[] write, double[] nodes, double[] blocks) {
    return new Result(
        accounts,
        Arrays.stream(cpu).min().orElse(Double.NaN),
        Stats.median(cpu),
        Stats.median(write),
        Stats.median(nodes),
        Stats.median(blocks));
  }

  private void build() {
    for (int from = 0; from < accounts; from += BUILD_CHUNK) {
      Map<Hash, Bytes> chunk = new HashMap<>();
      for (int i = from; i < Math.min(accounts, from + BUILD_CHUNK); i++) {
        chunk.put(key(i), value());
      }
      WriteBatch batch = new WriteBatch();
      root = tree.update(root, chunk, batch);
      store.write(batch, Durability.NO_SYNC);
    }
  }

  /**
   * One block's update: {cpu ms, wall ms, synced write ms, nodes written, store reads, SHA-256
   * blocks, MB allocated by the update}.
   */
  private double[] round(int changedKeys) {
    Map<Hash, Bytes> changes = new HashMap<>();
    while (changes.size() < changedKeys) {
      changes.put(key(random.nextInt(accounts)), value());
    }
    WriteBatch batch = new WriteBatch();
    TreeStats before = tree.stats();
    long alloc0 = ALLOCATION.bytes();
    long cpu0 = THREADS.getCurrentThreadCpuTime();
    long w0 = System.nanoTime();
    root = tree.update(root, changes, batch);
    long w1 = System.nanoTime();
    long cpu1 = THREADS.getCurrentThreadCpuTime();
    long allocated = ALLOCATION.bytes() - alloc0;
    store.write(batch, Durability.SYNC);
    long w2 = System.nanoTime();
    TreeStats cost = tree.stats().minus(before);
    return new double[] {
      (cpu1 - cpu0) / 1e6,
      (w1 - w0) / 1e6,
      (w2 - w1) / 1e6,
      cost.nodeWrites(),
      cost.storeReads(),
      cost.hashBlocks(),
      allocated / 1e6
    };
  }

  private static Hash key(int i) {
    byte[] a = ByteBuffer.allocate(Address.SIZE).putInt(Address.SIZE - 4, i).array();
    return StateKeys.account(new Address(Bytes.of(a)));
  }

  private Bytes value() {
    return AccountCodec.encode(
        new Account(
            1 + random.nextInt(1000),
            BigInteger.valueOf(random.nextLong() & Long.MAX_VALUE)
                .multiply(BigInteger.valueOf(1_000_000))));
  }
}
