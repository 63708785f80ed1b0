package dev.bulwark.p2p.transport;

/**
 * Send-queue class of a message type. HIGH (consensus: proposals, votes, timeouts, sync answers)
 * is always written before LOW (transaction gossip), so tx floods cannot starve consensus.
 */
public enum Priority {
  /** Consensus and control traffic. */
  HIGH,
  /** Bulk gossip: dropped first when a peer is slow. */
  LOW
}
