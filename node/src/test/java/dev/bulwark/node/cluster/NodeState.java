package dev.bulwark.node.cluster;

import dev.bulwark.consensus.safety.SafetyData;
import java.util.Optional;

/**
 * What one observation saw of one node.
 *
 * @param name the node's name
 * @param alive whether its process ran
 * @param health its health answer, empty when it gave none
 * @param problem why there is no health answer ("" when there is one)
 * @param safety its persisted safety data, empty for an observer or before the first save
 */
record NodeState(String name, boolean alive, Optional<Health> health, String problem, Optional<SafetyData> safety) {
  /** Latest committed height, or -1 without a health answer. */
  long height() {
    return health.map(Health::height).orElse(-1L);
  }

  /** Current round, or -1 without a health answer. */
  long round() {
    return health.map(Health::round).orElse(-1L);
  }

  /** The highest round it persisted a vote or timeout for, or -1 when it saved none. */
  long lastVotedRound() {
    return safety.map(SafetyData::lastVotedRound).orElse(-1L);
  }

  @Override
  public String toString() {
    String seen = health.map(Health::brief).orElse(alive ? "up, no health (" + problem + ")" : "down");
    return name + ": " + seen + safety.map(s -> " voted r" + s.lastVotedRound()).orElse("");
  }
}
