package dev.bulwark.genesis.config;

import java.util.List;

/** A node.toml that cannot be read or breaks the format; lists every problem found. */
public final class NodeConfigException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient List<String> problems;

  /** An exception for {@code source} listing {@code problems}, each {@code key: reason}. */
  public NodeConfigException(String source, List<String> problems) {
    super(source + ": " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem, each {@code key: reason}. */
  public List<String> problems() {
    return problems;
  }
}
