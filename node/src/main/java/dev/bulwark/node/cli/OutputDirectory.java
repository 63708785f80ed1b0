package dev.bulwark.node.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Up-front checks that a command may create and write files under a directory. */
final class OutputDirectory {
  private OutputDirectory() {}

  /** Why {@code dir} cannot be written (naming {@code flag}), or null when it can. */
  static String problem(String flag, Path dir) {
    Path abs = dir.toAbsolutePath().normalize();
    if (Files.exists(abs)) {
      if (!Files.isDirectory(abs)) {
        return flag + " " + dir + " exists and is not a directory";
      }
      return Files.isWritable(abs) ? null : flag + " " + dir + " is not writable";
    }
    Path ancestor = abs.getParent();
    while (ancestor != null && !Files.exists(ancestor)) {
      ancestor = ancestor.getParent();
    }
    if (ancestor == null || !Files.isDirectory(ancestor)) {
      return flag + " " + dir + " cannot be created: " + ancestor + " is not a directory";
    }
    return Files.isWritable(ancestor)
        ? null
        : flag + " " + dir + " cannot be created: " + ancestor + " is not writable";
  }
}
