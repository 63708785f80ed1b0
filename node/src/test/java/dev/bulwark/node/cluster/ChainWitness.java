package dev.bulwark.node.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Remembers the first hash any node reported for each height and notes every later report that
 * differs: a live fork detector fed by health answers during the whole test run.
 */
final class ChainWitness {
  private record Report(String node, String hash) {}

  private final Map<Long, Report> firstByHeight = new HashMap<>();
  private final List<String> conflicts = new ArrayList<>();
  private long agreements;

  /** Records that {@code node} reported {@code hash} as its block at {@code height}. */
  synchronized void saw(String node, long height, String hash) {
    String h = hash.toLowerCase(Locale.ROOT);
    Report first = firstByHeight.putIfAbsent(height, new Report(node, h));
    if (first == null) {
      return;
    }
    if (!first.hash().equals(h)) {
      conflicts.add("height " + height + ": " + first.node() + " reported " + first.hash() + " but "
          + node + " reported " + h);
    } else if (!first.node().equals(node)) {
      agreements++;
    }
  }

  /** Every disagreement seen, in order. */
  synchronized List<String> conflicts() {
    return List.copyOf(conflicts);
  }

  /** How many reports confirmed, from another node, a hash already seen at that height. */
  synchronized long agreements() {
    return agreements;
  }
}
