package dev.bulwark.node.runtime;

import dev.bulwark.genesis.generator.KeyFileException;
import dev.bulwark.genesis.generator.KeyFiles;
import dev.bulwark.genesis.generator.ValidatorKeys;
import dev.bulwark.node.storage.DataDirectory;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * The keys a node runs with: a validator's from its key directory; an observer's from its key
 * directory when given (only the node key is used), else generated once into the data directory
 * so that it keeps one p2p identity across restarts.
 */
final class NodeIdentity {
  private NodeIdentity() {}

  static ValidatorKeys load(NodeSettings settings) throws NodeStartException {
    Path dir = settings.keyDir().orElse(null);
    try {
      if (dir != null) {
        return KeyFiles.read(dir);
      }
      DataDirectory data = settings.dataDir();
      Path own = data.observerKeyDir();
      if (KeyFiles.existing(own).isEmpty()) {
        KeyFiles.write(own, ValidatorKeys.generate(new SecureRandom()), false);
      }
      return KeyFiles.read(own);
    } catch (KeyFileException e) {
      throw new NodeStartException("cannot load the node's keys: " + e.getMessage(), e);
    }
  }
}
