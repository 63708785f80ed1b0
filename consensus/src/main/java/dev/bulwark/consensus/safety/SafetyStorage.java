package dev.bulwark.consensus.safety;

/**
 * Where {@link SafetyRules} keeps its {@link SafetyData}. {@link #save} must be durable when it
 * returns (the node's implementation fsyncs the file and its directory): SafetyRules calls it
 * before a signature leaves, so a crash can never forget a signed vote or timeout.
 */
public interface SafetyStorage {
  /** The stored data, or {@code SafetyData.initial(0)} when nothing was ever saved. */
  SafetyData load();

  /** Stores {@code data} durably; throws {@link SafetyStorageException} when it cannot. */
  void save(SafetyData data);
}
