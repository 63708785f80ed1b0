package dev.bulwark.node.status;

import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.rpc.bulwark.ConsensusView;
import dev.bulwark.rpc.bulwark.PeersView;
import dev.bulwark.rpc.server.Health;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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
  private volatile long lastCommitMillis;
  private volatile ConsensusDetail detail = new ConsensusDetail(0, Optional.empty(), 0);
  private volatile List<PeersView.PeerInfo> peerInfos = List.of();
  private final Map<Bytes, Long> peerHeights = new ConcurrentHashMap<>();

  /**
   * What consensus reports besides epoch and round, replaced as a whole so readers see one
   * consistent snapshot.
   */
  public record ConsensusDetail(long highestQcRound, Optional<Address> leader,
      int consecutiveTimeouts) {
    public ConsensusDetail {
      if (highestQcRound < 0 || leader == null || consecutiveTimeouts < 0) {
        throw new IllegalArgumentException("invalid consensus detail");
      }
    }
  }

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

  /** The ledger committed up to {@code newHead} at wall-clock time {@code atMillis}. */
  public void committed(BlockHeader newHead, long atMillis) {
    lastCommitMillis = atMillis;
    head = newHead;
  }

  /** Consensus's highest QC round, current leader and consecutive timeouts. */
  public void consensusDetail(ConsensusDetail newDetail) {
    detail = newDetail;
  }

  /** Peer {@code nodeKey} proposed or sent block {@code number}. */
  public void peerSeen(Bytes nodeKey, long number) {
    peerHeights.merge(nodeKey, number, Math::max);
  }

  /** The connected peers' sessions (replaced as a whole); heights are filled in on reading. */
  public void peerSessions(List<PeersView.PeerInfo> sessions) {
    peerInfos = List.copyOf(sessions);
    peerHeights.keySet().retainAll(sessions.stream().map(PeersView.PeerInfo::nodeKey).toList());
  }

  /** The connected peers with the highest block each was seen with (-1: none yet). */
  public List<PeersView.PeerInfo> peerInfos() {
    return peerInfos.stream().map(p -> new PeersView.PeerInfo(p.nodeKey(), p.remoteAddress(),
        p.direction(), p.score(), p.role(), peerHeights.getOrDefault(p.nodeKey(), -1L))).toList();
  }

  /** A snapshot for {@code bulwark_consensusStatus}. */
  public ConsensusView.ConsensusSnapshot consensusSnapshot() {
    ConsensusDetail d = detail;
    BlockHeader h = head;
    return new ConsensusView.ConsensusSnapshot(Math.max(0, epoch), round, d.highestQcRound(),
        d.leader(), lastCommitMillis, d.consecutiveTimeouts(),
        highestSeen - h.number() > SYNCING_LAG_BLOCKS);
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
