package dev.bulwark.ledger.storage;

/** Whether a batch write waits for the data to reach the disk before returning. */
public enum Durability {
  /** fsync the write-ahead log before returning: what a committed block needs. */
  SYNC,
  /** Return once the OS has the data: survives a process crash, not a power loss. */
  NO_SYNC
}
