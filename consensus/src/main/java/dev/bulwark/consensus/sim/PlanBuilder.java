package dev.bulwark.consensus.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/** Step-by-step construction of a {@link Plan}, with the random choices scenarios share. */
final class PlanBuilder {
  /** Default blocks per epoch: every run crosses a few epoch boundaries. */
  static final long EPOCH_LENGTH = 20;

  /** Simulated time after GST: more than the 20-base-timeout liveness window. */
  static final long AFTER_GST = 25_000;

  final int validators;
  final SplittableRandom random;
  final List<NodeSpec> nodes = new ArrayList<>();
  final List<EpochSchedule.Seats> seats = new ArrayList<>();
  final List<PartitionPhase> partitions = new ArrayList<>();
  final List<CrashSpec> crashes = new ArrayList<>();
  int keyCount;
  long epochLength = EPOCH_LENGTH;
  NetworkSpec network = NetworkSpec.CALM;
  long gst;
  long end = -1;
  boolean checkLiveness = true;
  boolean tailGaps;
  long commitLag;
  boolean realLedger;
  final List<Plan.DiskFailure> diskFailures = new ArrayList<>();

  PlanBuilder(int validators, SplittableRandom random) {
    this.validators = validators;
    this.random = random;
    this.keyCount = validators;
    Map<Integer, Long> powers = new TreeMap<>();
    for (int i = 0; i < validators; i++) {
      nodes.add(new NodeSpec(i, BehaviourKind.HONEST));
      powers.put(i, 100L);
    }
    seats.add(new EpochSchedule.Seats(powers));
  }

  /** The most faulty validators the set tolerates: floor((n - 1) / 3). */
  int f() {
    return (validators - 1) / 3;
  }

  /** {@code count} distinct validator indexes, drawn at random. */
  List<Integer> pick(int count) {
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < validators; i++) {
      all.add(i);
    }
    for (int i = all.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      all.set(i, all.set(j, all.get(i)));
    }
    return new ArrayList<>(all.subList(0, count));
  }

  /** Gives node {@code node} behaviour {@code kind}. */
  PlanBuilder behave(int node, BehaviourKind kind) {
    nodes.set(node, new NodeSpec(nodes.get(node).keyIndex(), kind));
    return this;
  }

  /** Adds a node holding key {@code key} (a twin, or a validator of a later epoch). */
  int addNode(int key, BehaviourKind kind) {
    nodes.add(new NodeSpec(key, kind));
    keyCount = Math.max(keyCount, key + 1);
    return nodes.size() - 1;
  }

  /** Random two-way partitions, each lasting 0.5–3 s, from {@code from} until {@code until}. */
  PlanBuilder randomPartitions(long from, long until) {
    long t = from;
    while (t < until) {
      long next = Math.min(until, t + 500 + random.nextLong(2500));
      Set<Integer> a = new TreeSet<>();
      Set<Integer> b = new TreeSet<>();
      for (int i = 0; i < nodes.size(); i++) {
        (random.nextBoolean() ? a : b).add(i);
      }
      partitions.add(new PartitionPhase(t, next, List.of(a, b)));
      t = next;
    }
    return this;
  }

  /** The plan; the end defaults to GST plus {@link #AFTER_GST}. */
  Plan build() {
    return new Plan(
        nodes,
        keyCount,
        seats,
        epochLength,
        network,
        partitions,
        crashes,
        gst,
        end < 0 ? gst + AFTER_GST : end,
        checkLiveness,
        tailGaps,
        commitLag,
        realLedger,
        diskFailures);
  }
}
