package dev.bulwark.consensus.sim;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One concrete simulation run, drawn by a {@link Scenario} from the run's seed: the nodes, the
 * validator sets per epoch, the network, partitions, crashes, GST and the end time (all times in ms
 * from the start of the run); {@code tailGaps} silences the leader after every epoch end ({@link
 * TailGap}); {@code commitLag} is how long each node's ledger takes to make a decided commit
 * durable (0: at once), and a crash in between loses the commit, as a real one does; {@code
 * realLedger} runs every node on the real ledger (in-memory store, real mempool fed by simulated
 * clients) instead of the fake; from each {@code diskFailures} entry's time on, that node's safety
 * data can no longer be written (its consensus halts).
 */
public record Plan(
    List<NodeSpec> nodes,
    int keyCount,
    List<EpochSchedule.Seats> seats,
    long epochLength,
    NetworkSpec network,
    List<PartitionPhase> partitions,
    List<CrashSpec> crashes,
    long gst,
    long end,
    boolean checkLiveness,
    boolean tailGaps,
    long commitLag,
    boolean realLedger,
    List<DiskFailure> diskFailures) {
  /** Node {@code node}'s safety data cannot be written from {@code at} on (disk full). */
  public record DiskFailure(int node, long at) {}

  /** A plan on the fake ledger whose disks never fail. */
  public Plan(
      List<NodeSpec> nodes,
      int keyCount,
      List<EpochSchedule.Seats> seats,
      long epochLength,
      NetworkSpec network,
      List<PartitionPhase> partitions,
      List<CrashSpec> crashes,
      long gst,
      long end,
      boolean checkLiveness,
      boolean tailGaps,
      long commitLag) {
    this(
        nodes, keyCount, seats, epochLength, network, partitions, crashes, gst, end, checkLiveness,
        tailGaps, commitLag, false, List.of());
  }

  /** A plan without tail gaps (see {@link TailGap}) whose ledgers make commits durable at once. */
  public Plan(
      List<NodeSpec> nodes,
      int keyCount,
      List<EpochSchedule.Seats> seats,
      long epochLength,
      NetworkSpec network,
      List<PartitionPhase> partitions,
      List<CrashSpec> crashes,
      long gst,
      long end,
      boolean checkLiveness) {
    this(
        nodes, keyCount, seats, epochLength, network, partitions, crashes, gst, end, checkLiveness,
        false);
  }

  /** A plan whose ledgers make commits durable at once. */
  public Plan(
      List<NodeSpec> nodes,
      int keyCount,
      List<EpochSchedule.Seats> seats,
      long epochLength,
      NetworkSpec network,
      List<PartitionPhase> partitions,
      List<CrashSpec> crashes,
      long gst,
      long end,
      boolean checkLiveness,
      boolean tailGaps) {
    this(
        nodes, keyCount, seats, epochLength, network, partitions, crashes, gst, end, checkLiveness,
        tailGaps, 0);
  }

  public Plan {
    if (commitLag < 0) {
      throw new IllegalArgumentException("commit lag must not be negative, got " + commitLag);
    }
    nodes = List.copyOf(nodes);
    seats = List.copyOf(seats);
    partitions = List.copyOf(partitions);
    crashes = List.copyOf(crashes);
    diskFailures = List.copyOf(diskFailures);
  }

  /**
   * Keys whose holder may break the protocol: held by a non-honest node, shared by twins, or
   * crashed with its safety data lost.
   */
  public Set<Integer> byzantineKeys() {
    Set<Integer> out = new TreeSet<>();
    Map<Integer, Integer> holders = new HashMap<>();
    for (NodeSpec n : nodes) {
      holders.merge(n.keyIndex(), 1, Integer::sum);
      if (n.behaviour() != BehaviourKind.HONEST) {
        out.add(n.keyIndex());
      }
    }
    holders.forEach(
        (k, count) -> {
          if (count > 1) {
            out.add(k);
          }
        });
    for (CrashSpec c : crashes) {
      if (c.wipeSafetyData()) {
        out.add(nodes.get(c.node()).keyIndex());
      }
    }
    return out;
  }

  /** True when node {@code node} follows the protocol with a key nobody else misuses. */
  public boolean isHonest(int node) {
    return !byzantineKeys().contains(nodes.get(node).keyIndex());
  }
}
