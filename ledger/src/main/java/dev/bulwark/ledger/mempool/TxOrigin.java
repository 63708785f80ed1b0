package dev.bulwark.ledger.mempool;

import dev.bulwark.ledger.types.Bytes;
import java.util.Optional;

/**
 * Where a pooled transaction came from: this node (RPC) or a peer, named by its node id, so that
 * gossip does not echo a transaction back to the peer that sent it.
 *
 * @param peer the sending peer's node id; empty for a local submission
 */
public record TxOrigin(Optional<Bytes> peer) {
  /** A transaction submitted to this node. */
  public static final TxOrigin LOCAL = new TxOrigin(Optional.empty());

  public TxOrigin {
    if (peer == null) {
      throw new IllegalArgumentException("peer must not be null (use Optional.empty())");
    }
  }

  /** A transaction received from the peer with {@code nodeId}. */
  public static TxOrigin fromPeer(Bytes nodeId) {
    return new TxOrigin(Optional.of(nodeId));
  }

  /** True for a local submission. */
  public boolean isLocal() {
    return peer.isEmpty();
  }

  /** True when the transaction came from the peer with {@code nodeId}. */
  public boolean isFrom(Bytes nodeId) {
    return peer.isPresent() && peer.get().equals(nodeId);
  }
}
