package dev.bulwark.node.network;

import dev.bulwark.p2p.transport.MessageType;
import dev.bulwark.p2p.transport.Priority;

/** The node's p2p message types (codes from 0x0100; the transport owns the codes below). */
public final class WireTypes {
  /**
   * Consensus messages (ConsensusMessageCodec). Not gossip: a timeout or vote re-sent by the
   * pacemaker has the same bytes and must not be dropped as a duplicate.
   */
  public static final MessageType CONSENSUS = new MessageType(0x0101, "consensus", Priority.HIGH, false);

  /** A batch of raw transactions (RLP list of byte strings), relayed to peers that lack them. */
  public static final MessageType TRANSACTIONS = new MessageType(0x0102, "tx-batch", Priority.LOW, true);

  /** One equivocation proof (EvidenceCodec), relayed so every leader can include it. */
  public static final MessageType EVIDENCE = new MessageType(0x0103, "evidence", Priority.HIGH, true);

  private WireTypes() {}
}
