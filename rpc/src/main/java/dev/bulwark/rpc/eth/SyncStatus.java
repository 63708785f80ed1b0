package dev.bulwark.rpc.eth;

import java.util.OptionalLong;

/** Whether the node is catching up, for {@code eth_syncing}; the node fills it. */
@FunctionalInterface
public interface SyncStatus {
  /** The highest block number seen from peers while catching up; empty when in sync. */
  OptionalLong highestBlock();

  /** A node that never reports syncing. */
  SyncStatus IN_SYNC = OptionalLong::empty;
}
