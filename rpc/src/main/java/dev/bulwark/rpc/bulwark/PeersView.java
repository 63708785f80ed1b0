package dev.bulwark.rpc.bulwark;

import dev.bulwark.ledger.types.Bytes;
import java.util.List;

/** The connected peers as {@code node} last saw them (a snapshot; thread-safe). */
@FunctionalInterface
public interface PeersView {
  /** The connected peers, one entry per session. */
  List<PeerInfo> peers();

  /**
   * One connected peer.
   *
   * @param nodeKey its Ed25519 node public key (32 bytes)
   * @param remoteAddress {@code host:port} of the socket
   * @param direction {@code inbound} or {@code outbound}
   * @param score its current p2p score (higher is better)
   * @param role {@code validator} (in the current set) or {@code observer}
   * @param height the highest block number it has proposed or sent, -1 when unknown
   */
  record PeerInfo(
      Bytes nodeKey, String remoteAddress, String direction, double score, String role,
      long height) {
    public PeerInfo {
      if (nodeKey == null || remoteAddress == null || direction == null || role == null
          || height < -1) {
        throw new IllegalArgumentException("invalid peer info");
      }
    }
  }
}
