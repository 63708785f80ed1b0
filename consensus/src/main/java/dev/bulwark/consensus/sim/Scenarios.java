package dev.bulwark.consensus.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The catalogue of simulation scenarios. {@link #ALL} is what {@code --scenario all} runs; the
 * negative control {@link #BEYOND_THRESHOLD} is deliberately not part of it.
 */
public final class Scenarios {
  private Scenarios() {}

  /** All validators honest on a calm network. */
  public static final Scenario HONEST =
      new Scenario(
          "honest", "all honest, calm network", false, (n, r) -> new PlanBuilder(n, r).build());

  /** Loss, duplication and wide delays (reordering) until GST. */
  public static final Scenario LOSSY =
      new Scenario(
          "lossy",
          "25% loss, duplicates, 5-1200 ms delays until GST",
          false,
          (n, r) -> {
            PlanBuilder b = new PlanBuilder(n, r);
            b.network = new NetworkSpec(5, 40, 1200, 0.25, 0.05);
            b.gst = 4000 + r.nextLong(4000);
            return b.build();
          });

  /** Changing random partitions until GST, then a healed network. */
  public static final Scenario PARTITION =
      new Scenario(
          "partition",
          "random two-way partitions until GST",
          false,
          (n, r) -> {
            PlanBuilder b = new PlanBuilder(n, r);
            b.gst = 6000 + r.nextLong(3000);
            return b.randomPartitions(1000 + r.nextLong(2000), b.gst).build();
          });

  /** Up to f honest nodes crash and restart with their persisted state. */
  public static final Scenario CRASH_RESTART =
      new Scenario(
          "crash-restart",
          "up to f nodes crash and restart (safety data and chain kept)",
          false,
          (n, r) -> {
            PlanBuilder b = new PlanBuilder(n, r);
            long last = 0;
            for (int node : b.pick(Math.max(1, b.f()))) {
              long at = 1000 + r.nextLong(7000);
              long back = at + 1000 + r.nextLong(5000);
              b.crashes.add(new CrashSpec(node, at, back, false));
              last = Math.max(last, back);
            }
            b.gst = last;
            return b.build();
          });

  /** More than f nodes down for a while: no progress then, progress after they return. */
  public static final Scenario NO_QUORUM =
      new Scenario(
          "no-quorum",
          "f+1 nodes down at once: no commits without a quorum, progress after",
          false,
          (n, r) -> {
            PlanBuilder b = new PlanBuilder(n, r);
            long last = 0;
            for (int node : b.pick(b.f() + 1)) {
              long at = 2000 + r.nextLong(1500);
              long back = 6000 + r.nextLong(4000);
              b.crashes.add(new CrashSpec(node, at, back, false));
              last = Math.max(last, back);
            }
            b.gst = last;
            return b.build();
          });

  /** Byzantine scenarios: up to f validators with one behaviour each. */
  public static final Scenario EQUIVOCATION =
      byzantine(
          "equivocating-leader",
          "f leaders send different proposals to different validators",
          BehaviourKind.EQUIVOCATOR);

  /** Double votes. */
  public static final Scenario DOUBLE_VOTE =
      byzantine(
          "double-voter",
          "f validators send two different votes per round",
          BehaviourKind.DOUBLE_VOTER);

  /** Silent validators. */
  public static final Scenario SILENT =
      byzantine("silent", "f validators never send anything", BehaviourKind.SILENT);

  /** Forgers. */
  public static final Scenario FORGER =
      byzantine(
          "forger",
          "f validators send badly signed messages, also in others' names",
          BehaviourKind.FORGER);

  /** Delayers. */
  public static final Scenario DELAYER =
      byzantine("delayer", "f validators send everything 0.4-2.4 s late", BehaviourKind.DELAYER);

  /** Spammers. */
  public static final Scenario SPAMMER =
      byzantine(
          "spammer",
          "f validators flood malformed, duplicate and wrong-epoch messages",
          BehaviourKind.SPAMMER);

  /** Colluders. */
  public static final Scenario COLLUDERS =
      new Scenario(
          "colluders",
          "f validators withhold votes from honest leaders and split the honest set, lossy start",
          false,
          (n, r) -> {
            PlanBuilder b = new PlanBuilder(n, r);
            b.pick(b.f()).forEach(i -> b.behave(i, BehaviourKind.COLLUDER));
            b.network = new NetworkSpec(5, 40, 300, 0.05, 0.02);
            b.gst = 2000 + r.nextLong(2000);
            return b.build();
          });

  /** Twins: f keys held by two honest nodes each, partitions that split the twins. */
  public static final Scenario TWINS =
      new Scenario(
          "twins",
          "f keys run twice (the Twins method), random partitions until GST",
          false,
          (n, r) -> {
            PlanBuilder b = new PlanBuilder(n, r);
            b.pick(b.f()).forEach(k -> b.addNode(k, BehaviourKind.HONEST));
            b.gst = 5000 + r.nextLong(3000);
            return b.randomPartitions(500, b.gst).build();
          });

  /** Crashes that lose the safety data (Byzantine). */
  public static final Scenario LOST_SAFETY_DATA =
      new Scenario(
          "lost-safety-data",
          "f nodes crash and restart with their safety data lost",
          false,
          (n, r) -> {
            PlanBuilder b = new PlanBuilder(n, r);
            long last = 0;
            for (int node : b.pick(b.f())) {
              long at = 2000 + r.nextLong(6000);
              long back = at + 300 + r.nextLong(2500);
              b.crashes.add(new CrashSpec(node, at, back, true));
              last = Math.max(last, back);
            }
            b.gst = last;
            return b.build();
          });

  /** Validator-set changes at every epoch boundary, with a node catching up across epochs. */
  public static final Scenario EPOCH_CHANGE =
      new Scenario(
          "epoch-change",
          "short epochs with a changing validator set; a new validator joins, one crashes",
          false,
          (n, r) -> {
            PlanBuilder b = new PlanBuilder(n, r);
            b.epochLength = 8;
            int joiner = b.addNode(n, BehaviourKind.HONEST);
            Map<Integer, Long> e1 = new TreeMap<>(b.seats.get(0).powers());
            e1.put(0, 300L);
            Map<Integer, Long> e2 = new TreeMap<>(b.seats.get(0).powers());
            e2.remove(n - 1);
            e2.put(n, 150L);
            Map<Integer, Long> e3 = new TreeMap<>(b.seats.get(0).powers());
            e3.put(n, 100L);
            b.seats.add(new EpochSchedule.Seats(e1));
            b.seats.add(new EpochSchedule.Seats(e2));
            b.seats.add(new EpochSchedule.Seats(e3));
            int crashed = b.pick(1).get(0);
            long at = 2000 + r.nextLong(4000);
            long back = at + 3000 + r.nextLong(4000);
            b.crashes.add(new CrashSpec(crashed, at, back, false));
            b.gst = back;
            assert joiner == n;
            return b.build();
          });

  /** A mix of behaviours, a lossy start and a crash. */
  public static final Scenario MIXED =
      new Scenario(
          "mixed",
          "random Byzantine behaviours (up to f), lossy start, one honest crash",
          false,
          (n, r) -> {
            PlanBuilder b = new PlanBuilder(n, r);
            List<Integer> picked = b.pick(b.f() + 1);
            BehaviourKind[] kinds = BehaviourKind.values();
            for (int i = 0; i < b.f(); i++) {
              b.behave(picked.get(i), kinds[1 + r.nextInt(kinds.length - 1)]);
            }
            b.network = new NetworkSpec(5, 40, 600, 0.1, 0.05);
            int crashed = picked.get(b.f());
            long at = 1000 + r.nextLong(4000);
            long back = at + 500 + r.nextLong(3000);
            b.crashes.add(new CrashSpec(crashed, at, back, false));
            b.gst = Math.max(back, 3000 + r.nextLong(2000));
            return b.build();
          });

  /** Real BLS signatures with an equivocating leader; shorter, since BLS costs real time. */
  public static final Scenario REAL_BLS =
      new Scenario(
          "real-bls",
          "real BLS12-381 signatures, one equivocating leader, codec on every message",
          true,
          (n, r) -> {
            PlanBuilder b = new PlanBuilder(n, r);
            b.behave(b.pick(1).get(0), BehaviourKind.EQUIVOCATOR);
            b.end = 12_000;
            return b.build();
          });

  /**
   * Byzantine sync servers at epoch boundaries: every epoch end is committed through a tail proof,
   * and a node that was down catches up across epochs while f peers lie in their sync answers.
   */
  public static final Scenario BYZANTINE_SYNC =
      new Scenario(
          "byzantine-sync",
          "short epochs, a silent leader after each epoch end, f peers lying in sync answers; a"
              + " node crashes and catches up",
          false,
          (n, r) -> {
            PlanBuilder b = new PlanBuilder(n, r);
            b.epochLength = 4 + r.nextLong(4);
            b.tailGaps = true;
            List<Integer> picked = b.pick(b.f() + 1);
            for (int i = 0; i < b.f(); i++) {
              b.behave(picked.get(i), BehaviourKind.SYNC_LIAR);
            }
            long at = 1500 + r.nextLong(2500);
            long back = at + 4000 + r.nextLong(4000);
            b.crashes.add(new CrashSpec(picked.get(b.f()), at, back, false));
            b.gst = back;
            return b.build();
          });

  /** Detector flooding before equivocating, with a colluding peer that holds no seat. */
  public static final Scenario DETECTOR_FLOOD =
      new Scenario(
          "detector-flood",
          "f validators flood forged and far-future messages in their name (with a colluding"
              + " peer), then double-vote and equivocate as leaders",
          false,
          (n, r) -> {
            PlanBuilder b = new PlanBuilder(n, r);
            b.pick(Math.max(1, b.f())).forEach(i -> b.behave(i, BehaviourKind.FLOODER));
            b.addNode(n, BehaviourKind.ACCOMPLICE); // key n holds no seat
            return b.build();
          });

  /**
   * Negative control: f+1 keys run twice each, partitioned so that both sides hold a quorum of
   * keys. This is beyond what BFT tolerates; the monitors must report the resulting fork.
   */
  public static final Scenario BEYOND_THRESHOLD =
      new Scenario(
          "beyond-threshold",
          "negative control: f+1 twinned keys, partitioned so each side has a quorum (must fork)",
          false,
          (n, r) -> {
            PlanBuilder b = new PlanBuilder(n, r);
            int twinned = b.f() + 1;
            int rest = n - twinned;
            Set<Integer> left = new TreeSet<>();
            Set<Integer> right = new TreeSet<>();
            for (int k = 0; k < twinned; k++) {
              left.add(k);
              right.add(b.addNode(k, BehaviourKind.HONEST));
            }
            for (int k = twinned; k < n; k++) {
              (k - twinned < (rest + 1) / 2 ? left : right).add(k);
            }
            b.partitions.add(new PartitionPhase(0, 5000, List.of(left, right)));
            b.checkLiveness = false;
            b.gst = 5000;
            b.end = 5000;
            return b.build();
          });

  /** Every validator crashes at once, twice, and restarts with its safety data and block tree. */
  public static final Scenario WHOLE_CLUSTER_RESTART =
      new Scenario(
          "whole-cluster-restart",
          "all nodes crash at once (swept over round phases, slow ledger, timeouts) and restart",
          false,
          WholeClusterRestart::plan);

  /**
   * Simulated time after GST in real-ledger runs (real BLS, real execution: the costliest runs of
   * the suite): still more than the 20-base-timeout liveness window.
   */
  private static final long REAL_LEDGER_AFTER_GST = 12_000;

  /**
   * The node's own ledger path: real execution, the leader's draft rebuilt from a real mempool fed
   * by clients, real commits and epoch changes, over in-memory stores, on a lossy network.
   */
  public static final Scenario REAL_LEDGER =
      new Scenario(
          "real-ledger",
          "real ledger and mempool under client transfers, lossy network until GST",
          true, // the store keeps certificates as BLS points
          (n, r) -> {
            PlanBuilder b = new PlanBuilder(n, r);
            b.realLedger = true;
            b.network = new NetworkSpec(5, 40, 600, 0.1, 0.05);
            b.gst = 2000 + r.nextLong(3000);
            b.end = b.gst + REAL_LEDGER_AFTER_GST;
            return b.build();
          });

  /** The real ledger while up to f nodes crash (losing their mempools) and restart. */
  public static final Scenario REAL_LEDGER_CRASH =
      new Scenario(
          "real-ledger-crash",
          "real ledger; up to f nodes crash and restart, the ledger lagging behind commits",
          true,
          (n, r) -> {
            PlanBuilder b = new PlanBuilder(n, r);
            b.realLedger = true;
            b.commitLag = r.nextLong(200);
            long last = 0;
            for (int node : b.pick(Math.max(1, b.f()))) {
              long at = 1000 + r.nextLong(6000);
              long back = at + 500 + r.nextLong(4000);
              b.crashes.add(new CrashSpec(node, at, back, false));
              last = Math.max(last, back);
            }
            b.gst = last;
            b.end = b.gst + REAL_LEDGER_AFTER_GST;
            return b.build();
          });

  /** Every scenario of {@code --scenario all}. */
  public static final List<Scenario> ALL =
      List.of(
          HONEST,
          LOSSY,
          PARTITION,
          CRASH_RESTART,
          NO_QUORUM,
          EQUIVOCATION,
          DOUBLE_VOTE,
          SILENT,
          FORGER,
          DELAYER,
          SPAMMER,
          COLLUDERS,
          TWINS,
          LOST_SAFETY_DATA,
          EPOCH_CHANGE,
          MIXED,
          REAL_BLS,
          BYZANTINE_SYNC,
          DETECTOR_FLOOD,
          WHOLE_CLUSTER_RESTART,
          REAL_LEDGER,
          REAL_LEDGER_CRASH);

  private static Scenario byzantine(String name, String description, BehaviourKind kind) {
    return new Scenario(
        name,
        description,
        false,
        (n, r) -> {
          PlanBuilder b = new PlanBuilder(n, r);
          b.pick(Math.max(1, b.f())).forEach(i -> b.behave(i, kind));
          return b.build();
        });
  }

  /** The scenario named {@code name} (including the negative control). */
  public static Optional<Scenario> byName(String name) {
    if (BEYOND_THRESHOLD.name().equals(name)) {
      return Optional.of(BEYOND_THRESHOLD);
    }
    return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** The names of all scenarios, the negative control last. */
  public static List<String> names() {
    List<String> out = new ArrayList<>(ALL.stream().map(Scenario::name).toList());
    out.add(BEYOND_THRESHOLD.name());
    return out;
  }

  /** Scenario names as a set (argument validation). */
  public static Set<String> nameSet() {
    return Set.copyOf(names());
  }
}
