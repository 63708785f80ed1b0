package dev.bulwark.rpc.server;

/**
 * What {@code GET /health} reports: the node's committed head, consensus position, peers and role.
 *
 * @param height number of the latest committed block
 * @param latestHash its hash, 0x-prefixed hex
 * @param chainId the chain id of the genesis
 * @param round the consensus round the node is in
 * @param epoch the consensus epoch the node is in
 * @param peers connected peers (distinct node keys)
 * @param syncing true while the node fetches committed blocks it is missing
 * @param role "validator" or "observer"
 */
public record Health(
    long height,
    String latestHash,
    long chainId,
    long round,
    long epoch,
    int peers,
    boolean syncing,
    String role) {
  public Health {
    if (latestHash == null || role == null) {
      throw new IllegalArgumentException("health needs the latest hash and the role");
    }
  }
}
