package dev.bulwark.consensus.sim;

import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.crypto.bls.Bls;
import dev.bulwark.ledger.crypto.bls.BlsPublicKey;
import dev.bulwark.ledger.crypto.bls.BlsSecretKey;
import dev.bulwark.ledger.crypto.bls.BlsSignature;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Consensus benchmark (figures for notes; nothing is asserted), for n = 4, 16, 64, 128:
 *
 * <ol>
 *   <li>committed blocks per second of a whole honest network simulated on one core, with real BLS
 *       (every node verifies for itself), a zero-delay network, no block interval and 1 ms
 *       execution: what the protocol's CPU work costs;
 *   <li>QC cost: aggregating a quorum of vote signatures and verifying the aggregate once, against
 *       verifying each of the n votes on its own; and a TC's multi-message aggregate verification;
 *   <li>commit latency in network delays: constant 100 ms links, zero execution time and block
 *       interval; time from a proposal's broadcast to its commit, averaged over nodes and blocks.
 * </ol>
 */
public final class ConsensusBenchmark {
  /** Which sizes and how much work. */
  public record Options(
      List<Integer> sizes,
      Map<Integer, Integer> blocksPerSize,
      int latencyBlocks,
      long networkDelayMillis) {
    /** The sizes with block counts that keep each run to seconds. */
    public static Options standard() {
      return new Options(
          List.of(4, 16, 64, 128), Map.of(4, 300, 16, 100, 64, 30, 128, 15), 60, 100);
    }

    /** Tiny counts for a smoke run. */
    public static Options quick() {
      return new Options(List.of(4, 16), Map.of(4, 20, 16, 5), 10, 100);
    }
  }

  /** The figures for one validator count. */
  public record Row(
      int validators,
      double blocksPerSecond,
      double cpuMillisPerNodeBlock,
      double qcAggregateMillis,
      double singleVerifiesMillis,
      double tcVerifyMillis,
      double latencyDelays) {}

  private static final int WARM_UP_BLOCKS = 5;

  private ConsensusBenchmark() {}

  /** Runs the benchmark, reporting progress and results as lines to {@code out}. */
  public static List<Row> run(Options options, Consumer<String> out) {
    throughput(4, 20); // warm-up: JIT and native library loading
    List<Row> rows = new ArrayList<>();
    out.accept(
        "n  blocks/s(network on 1 core)  cpu-ms/node/block  qc(agg+verify)-ms"
            + "  n-single-verifies-ms  tc-verify-ms  latency(network delays)");
    for (int n : options.sizes()) {
      double[] t = throughput(n, options.blocksPerSize().getOrDefault(n, 20));
      double[] q = quorumCosts(n);
      double latency = latency(n, options.latencyBlocks(), options.networkDelayMillis());
      Row row = new Row(n, t[0], t[1], q[0], q[1], q[2], latency);
      rows.add(row);
      out.accept(
          String.format(
              "%-3d %-28.1f %-18.2f %-18.2f %-21.2f %-13.2f %.2f",
              n,
              row.blocksPerSecond(),
              row.cpuMillisPerNodeBlock(),
              row.qcAggregateMillis(),
              row.singleVerifiesMillis(),
              row.tcVerifyMillis(),
              row.latencyDelays()));
    }
    return rows;
  }

  private static Plan honestPlan(int n, NetworkSpec network) {
    PlanBuilder b = new PlanBuilder(n, new SplittableRandom(n));
    b.network = network;
    b.epochLength = 1_000_000;
    b.checkLiveness = false;
    b.end = 3_600_000;
    return b.build();
  }

  /**
   * Blocks per wall-clock second, and CPU milliseconds per node per block, measured between the
   * commits of block {@link #WARM_UP_BLOCKS} and {@code blocks} later (start-up excluded: the first
   * round may time out while nodes are still starting).
   */
  private static double[] throughput(int n, int blocks) {
    Plan plan = honestPlan(n, new NetworkSpec(0, 0, 0, 0, 0));
    long[] wall = new long[2];
    SimOptions.Probe probe =
        new SimOptions.Probe() {
          @Override
          public void committed(int node, List<Block> committed, long t) {
            long height = committed.get(committed.size() - 1).header().number();
            if (height >= WARM_UP_BLOCKS && wall[0] == 0) {
              wall[0] = System.nanoTime();
            }
            if (height >= WARM_UP_BLOCKS + blocks && wall[1] == 0) {
              wall[1] = System.nanoTime();
            }
          }
        };
    Simulation.run(
        "bench", plan, n, true, new SimOptions(0, 1, 1, false, WARM_UP_BLOCKS + blocks, probe));
    double seconds = (wall[1] - wall[0]) / 1e9;
    return new double[] {blocks / seconds, seconds * 1000 / blocks / n};
  }

  /** [aggregate + one verification of a quorum, n single verifications, TC verification] ms. */
  private static double[] quorumCosts(int n) {
    List<BlsSecretKey> secrets = new ArrayList<>();
    List<BlsPublicKey> keys = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      byte[] ikm = new byte[32];
      ikm[0] = (byte) i;
      ikm[1] = (byte) (i >> 8);
      ikm[31] = 42;
      BlsSecretKey sk = BlsSecretKey.keyGen(Bytes.of(ikm));
      secrets.add(sk);
      keys.add(sk.publicKey());
    }
    byte[] message = Hash.ZERO.bytes().toArray();
    List<BlsSignature> sigs = secrets.stream().map(sk -> Bls.sign(sk, message)).toList();
    int quorum = 2 * n / 3 + 1;
    List<BlsPublicKey> qKeys = keys.subList(0, quorum);
    List<BlsSignature> qSigs = sigs.subList(0, quorum);
    List<byte[]> tcMessages = new ArrayList<>();
    List<BlsSignature> tcSigs = new ArrayList<>();
    for (int i = 0; i < quorum; i++) {
      byte[] m = message.clone();
      m[0] = (byte) i;
      tcMessages.add(m);
      tcSigs.add(Bls.sign(secrets.get(i), m));
    }
    BlsSignature tcAggregate = Bls.aggregate(tcSigs);
    double agg = median(() -> Bls.fastAggregateVerify(qKeys, message, Bls.aggregate(qSigs)));
    double single =
        median(
            () -> {
              boolean all = true;
              for (int i = 0; i < n; i++) {
                all &= Bls.verify(keys.get(i), message, sigs.get(i));
              }
              return all;
            });
    double tc = median(() -> Bls.aggregateVerify(qKeys, tcMessages, tcAggregate));
    return new double[] {agg, single, tc};
  }

  private static double median(Supplier<Boolean> work) {
    double[] ms = new double[5];
    for (int i = 0; i < ms.length; i++) {
      long start = System.nanoTime();
      if (!work.get()) {
        throw new IllegalStateException("benchmark signatures do not verify");
      }
      ms[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(ms);
    return ms[ms.length / 2];
  }

  /** Mean proposal-to-commit time over all nodes and blocks, in network delays. */
  private static double latency(int n, int blocks, long delay) {
    Map<Hash, Long> proposedAt = new HashMap<>();
    long[] sum = new long[2];
    SimOptions.Probe probe =
        new SimOptions.Probe() {
          @Override
          public void proposed(int node, Hash block, long t) {
            proposedAt.putIfAbsent(block, t);
          }

          @Override
          public void committed(int node, List<Block> committed, long t) {
            for (Block b : committed) {
              Long p = proposedAt.get(b.hash());
              if (p != null && b.header().number() > 2) { // skip the start-up blocks
                sum[0] += t - p;
                sum[1]++;
              }
            }
          }
        };
    Plan plan = honestPlan(n, new NetworkSpec(delay, delay, delay, 0, 0));
    Simulation.run("latency", plan, n, false, new SimOptions(0, 0, 0, true, blocks, probe));
    return sum[1] == 0 ? Double.NaN : (double) sum[0] / sum[1] / delay;
  }
}
