package dev.bulwark.consensus.sim;

import java.util.List;
import java.util.Set;

/** What the liveness monitor may ask about the simulated cluster at the current time. */
interface ClusterView {
  /** Number of nodes. */
  int nodeCount();

  /** True while node {@code node} runs (not crashed). */
  boolean up(int node);

  /** True when node {@code node} is honest (see {@link Plan#isHonest}). */
  boolean honest(int node);

  /** The validator key node {@code node} holds. */
  int keyIndex(int node);

  /** The epoch node {@code node} is in (-1 when down). */
  long epochOf(int node);

  /** The groups of nodes that can currently talk to each other. */
  List<Set<Integer>> groups();

  /** The scripted validator sets. */
  EpochSchedule schedule();
}
