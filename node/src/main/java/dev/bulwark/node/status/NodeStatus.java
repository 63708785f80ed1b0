package dev.bulwark.node.status;

import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.rpc.server.Health;

/**
 * The node's live figures, written by the verticles that own them (ledger: head; consensus:
 * round, epoch, highest block seen; p2p: peers) and read by {@code /health}. Each field is
 * volatile: a reader sees a recent value of each, which is all a health check needs.
 */
public final class NodeStatus {
  /** A node this far behind the highest block it has seen proposed reports itself syncing. */
  public static final long SYNCING_LAG_BLOCKS = 5;

  private final long chainId;
  private final String role;
  private volatile BlockHeader head;
  private volatile long round;
  private volatile long epoch;
  private volatile long highestSeen;
  private volatile int peers;

  /** The status of a node of chain {@code chainId} in {@code role}, at head {@code head}. */
  public NodeStatus(long chainId, String role, BlockHeader head) {
    this.chainId = chainId;
    this.role = role;
    this.head = head;
  }

  /** The ledger committed up to {@code newHead}. */
  public void committed(BlockHeader newHead) {
    head = newHead;
  }

  /** Consensus is in {@code epoch}, {@code round}. */
  public void consensus(long epoch, long round) {
    this.epoch = epoch;
    this.round = round;
  }

  /** A proposal for block {@code number} was received. */
  public void seen(long number) {
    if (number > highestSeen) {
      highestSeen = number;
    }
  }

  /** {@code count} peers are connected. */
  public void peers(int count) {
    peers = count;
  }

  /** Connected peers (distinct node keys). */
  public int peerCount() {
    return peers;
  }

  /** The highest block number seen proposed (0 before any). */
  public long highestSeen() {
    return highestSeen;
  }

  /** The latest committed header. */
  public BlockHeader head() {
    return head;
  }

  /** A snapshot for {@code /health}. */
  public Health health() {
    BlockHeader h = head;
    return new Health(
        h.number(),
        h.hash().toString(),
        chainId,
        round,
        epoch,
        peers,
        highestSeen - h.number() > SYNCING_LAG_BLOCKS,
        role);
  }
}
