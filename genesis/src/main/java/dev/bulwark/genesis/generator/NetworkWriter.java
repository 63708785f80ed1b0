package dev.bulwark.genesis.generator;

import dev.bulwark.genesis.codec.GenesisJsonWriter;
import dev.bulwark.genesis.config.NodeConfigToml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a generated network under one directory: {@code genesis.json} and, per validator,
 * {@code validator-<i>/} with its key files (mode 600) and {@code node.toml}.
 */
public final class NetworkWriter {
  /** The genesis file name. */
  public static final String GENESIS_FILE = "genesis.json";

  private NetworkWriter() {}

  /** What was written: the genesis file and each validator's directory, in index order. */
  public record Written(Path genesisFile, List<Path> validatorDirs) {
    public Written {
      validatorDirs = List.copyOf(validatorDirs);
    }
  }

  /** Files under {@code dir} that writing {@code network} would replace. */
  public static List<Path> conflicts(Path dir, int validators) {
    List<Path> found = new ArrayList<>();
    if (Files.exists(dir.resolve(GENESIS_FILE))) {
      found.add(dir.resolve(GENESIS_FILE));
    }
    for (int i = 0; i < validators; i++) {
      Path v = dir.resolve("validator-" + i);
      found.addAll(KeyFiles.existing(v));
      if (Files.exists(v.resolve(NodeConfigToml.FILE_NAME))) {
        found.add(v.resolve(NodeConfigToml.FILE_NAME));
      }
    }
    return found;
  }

  /**
   * Writes everything; without {@code overwrite} refuses (before writing anything) when a file
   * exists. The genesis file is written last, so its presence means the set is complete.
   */
  public static Written write(GeneratedNetwork network, Path dir, boolean overwrite)
      throws KeyFileException {
    List<Path> conflicts = conflicts(dir, network.validators().size());
    if (!overwrite && !conflicts.isEmpty()) {
      throw new KeyFileException("refusing to overwrite " + conflicts.get(0) + " (use --force to replace)");
    }
    List<Path> dirs = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      for (GeneratedNetwork.Member m : network.validators()) {
        Path v = dir.resolve(m.directoryName());
        KeyFiles.write(v, m.keys(), overwrite);
        SecureFiles.write(v.resolve(NodeConfigToml.FILE_NAME), NodeConfigToml.write(m.config()),
            SecureFiles.PUBLIC, overwrite);
        dirs.add(v);
      }
      Path genesis = dir.resolve(GENESIS_FILE);
      SecureFiles.write(genesis, GenesisJsonWriter.write(network.genesis()), SecureFiles.PUBLIC, overwrite);
      return new Written(genesis, dirs);
    } catch (IOException e) {
      throw new KeyFileException("cannot write the network to " + dir + ": " + e, e);
    }
  }
}
