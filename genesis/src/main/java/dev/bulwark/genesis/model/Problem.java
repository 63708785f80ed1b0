package dev.bulwark.genesis.model;

/** One thing wrong (or worth a warning) in a genesis file, located by a JSON path. */
public record Problem(String path, String reason) {
  public Problem {
    if (path == null || path.isEmpty() || reason == null || reason.isEmpty()) {
      throw new IllegalArgumentException("a problem needs a path and a reason");
    }
  }

  /** The same problem under an enclosing path, e.g. {@code stake} under {@code validators[2]}. */
  public Problem under(String prefix) {
    return new Problem(prefix + "." + path, reason);
  }

  /** The {@code path: reason} line the CLI prints. */
  @Override
  public String toString() {
    return path + ": " + reason;
  }
}
