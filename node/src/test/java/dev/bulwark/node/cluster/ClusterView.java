package dev.bulwark.node.cluster;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** One observation of every node of a cluster, taken within a few milliseconds. */
record ClusterView(Map<String, NodeState> nodes) {
  ClusterView {
    nodes = Map.copyOf(nodes);
  }

  /** Builds a view from per-node states. */
  static ClusterView of(List<NodeState> states) {
    return new ClusterView(states.stream().collect(Collectors.toMap(NodeState::name, Function.identity())));
  }

  /** The state of {@code node}. */
  NodeState of(ClusterNode node) {
    NodeState s = nodes.get(node.name());
    if (s == null) {
      throw new IllegalArgumentException(node.name() + " is not in this view");
    }
    return s;
  }

  /** Height of {@code node}, -1 without a health answer. */
  long height(ClusterNode node) {
    return of(node).height();
  }

  /** Lowest height among {@code group}; -1 when one of them gave no answer. */
  long minHeight(Collection<ClusterNode> group) {
    return group.stream().mapToLong(this::height).min().orElse(-1);
  }

  /** Highest height among {@code group}. */
  long maxHeight(Collection<ClusterNode> group) {
    return group.stream().mapToLong(this::height).max().orElse(-1);
  }

  /** Highest current round among {@code group}. */
  long maxRound(Collection<ClusterNode> group) {
    return group.stream().mapToLong(n -> of(n).round()).max().orElse(-1);
  }

  @Override
  public String toString() {
    return nodes.values().stream().map(NodeState::toString).sorted().collect(Collectors.joining("; ", "[", "]"));
  }
}
