package dev.bulwark.genesis.model;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when genesis data breaks its invariants; carries every problem found, not just the first. */
public final class InvalidGenesisException extends IllegalArgumentException {
  private final transient List<Problem> problems;

  /** An exception listing {@code problems} (at least one). */
  public InvalidGenesisException(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an invalid genesis needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** Throws when {@code problems} is not empty. */
  public static void throwIfAny(List<Problem> problems) {
    if (!problems.isEmpty()) {
      throw new InvalidGenesisException(problems);
    }
  }

  /** Every problem, in the order found. */
  public List<Problem> problems() {
    return problems;
  }
}
