package dev.bulwark.node.cluster;

import dev.bulwark.consensus.safety.SafetyData;
import dev.bulwark.node.safety.FileSafetyStorage;
import dev.bulwark.node.storage.DataDirectory;
import java.nio.file.Files;
import java.util.Optional;

/** One node of a test cluster: its process, RPC port, data directory and role. */
final class ClusterNode implements AutoCloseable {
  private final NodeProcess process;
  private final int rpcPort;
  private final DataDirectory data;
  private final boolean validator;

  ClusterNode(NodeProcess process, int rpcPort, DataDirectory data, boolean validator) {
    this.process = process;
    this.rpcPort = rpcPort;
    this.data = data;
    this.validator = validator;
  }

  /** The node's name, e.g. "validator-2". */
  String name() {
    return process.name();
  }

  /** The child JVM. */
  NodeProcess process() {
    return process;
  }

  /** The port of its JSON-RPC and health server. */
  int rpcPort() {
    return rpcPort;
  }

  /** Its data directory. */
  DataDirectory data() {
    return data;
  }

  /** True for a validator, false for the observer. */
  boolean validator() {
    return validator;
  }

  /**
   * The safety data it persisted, or empty before its first save. Safe while the node runs: each
   * save replaces the file by an atomic rename, so a read sees the old or the new file whole.
   */
  Optional<SafetyData> safety() {
    if (!Files.exists(data.safetyDir().resolve(FileSafetyStorage.FILE_NAME))) {
      return Optional.empty();
    }
    return Optional.of(data.safetyStorage().load());
  }

  @Override
  public void close() {
    process.close();
  }

  @Override
  public String toString() {
    return process.toString();
  }
}
