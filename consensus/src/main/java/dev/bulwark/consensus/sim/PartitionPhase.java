package dev.bulwark.consensus.sim;

import java.util.List;
import java.util.Set;

/**
 * From {@code from} until {@code until} (ms of simulated time), nodes talk only within their group;
 * a node in no group is cut off from everyone.
 */
public record PartitionPhase(long from, long until, List<Set<Integer>> groups) {
  public PartitionPhase {
    groups = groups.stream().map(Set::copyOf).toList();
    if (until < from) {
      throw new IllegalArgumentException("partition ends before it starts");
    }
  }

  /** True when this phase is in force at {@code t}. */
  public boolean activeAt(long t) {
    return t >= from && t < until;
  }

  /** True when nodes {@code a} and {@code b} share a group. */
  public boolean connected(int a, int b) {
    for (Set<Integer> g : groups) {
      if (g.contains(a)) {
        return g.contains(b);
      }
    }
    return false;
  }
}
