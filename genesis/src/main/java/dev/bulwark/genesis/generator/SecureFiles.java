package dev.bulwark.genesis.generator;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Whole-file writes that never leave a half-written file and give secrets mode 600 from the start. */
public final class SecureFiles {
  /** rw------- : key files. */
  public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
  /** rw-r--r-- : genesis.json and node.toml. */
  public static final Set<PosixFilePermission> PUBLIC = PosixFilePermissions.fromString("rw-r--r--");

  private SecureFiles() {}

  /**
   * Writes {@code text} to {@code file} through a synced temporary file in the same directory
   * renamed into place. Without {@code overwrite}, an existing file is left alone and reported.
   */
  public static void write(Path file, String text, Set<PosixFilePermission> mode, boolean overwrite)
      throws IOException {
    if (!overwrite && Files.exists(file)) {
      throw new FileAlreadyExistsException(file.toString(), null, "refusing to overwrite");
    }
    Path dir = file.toAbsolutePath().getParent();
    boolean posix = Files.getFileStore(dir).supportsFileAttributeView("posix");
    // Created with the final mode, so the secret is never readable by others, even briefly.
    Path tmp = posix
        ? Files.createTempFile(dir, "." + file.getFileName(), ".tmp", PosixFilePermissions.asFileAttribute(mode))
        : Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
    try {
      if (posix) {
        Files.setPosixFilePermissions(tmp, mode); // the umask may have removed bits we want
      }
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ch.write(StandardCharsets.UTF_8.encode(text));
        ch.force(true);
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
