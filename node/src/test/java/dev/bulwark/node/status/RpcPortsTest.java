package dev.bulwark.node.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.node.consensus.EvidencePool;
import dev.bulwark.rpc.bulwark.ConsensusView.ConsensusSnapshot;
import dev.bulwark.rpc.bulwark.PeersView.PeerInfo;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the node's ports report from the snapshots the verticles write into NodeStatus. */
class RpcPortsTest {
  private static final Bytes A = Bytes.fromHex("aa".repeat(32));
  private static final Bytes B = Bytes.fromHex("bb".repeat(32));
  private static final Address LEADER = Address.fromHex("0x" + "12".repeat(20));

  private final NodeStatus status = new NodeStatus(1337, "validator",
      BlockHeader.builder().number(0).build());
  private final RpcPorts ports = new RpcPorts(status, new EvidencePool(), "validator", A,
      Optional.of(LEADER));

  @Test
  void consensusSnapshotCombinesRoundLeaderTimeoutsCommitTimeAndSyncing() {
    status.consensus(3, 17);
    status.consensusDetail(new NodeStatus.ConsensusDetail(16, Optional.of(LEADER), 2));
    status.committed(BlockHeader.builder().number(0).timestampMillis(1).build(),
        1_700_000_000_123L);
    status.seen(5);
    ConsensusSnapshot s = ports.snapshot();
    assertThat(s).isEqualTo(new ConsensusSnapshot(3, 17, 16, Optional.of(LEADER),
        1_700_000_000_123L, 2, false));
    status.seen(6); // more than 5 blocks ahead of the head
    assertThat(ports.snapshot().syncing()).isTrue();
  }

  @Test
  void peersCarryTheHighestBlockEachProposedAndForgetDisconnectedOnes() {
    PeerInfo a = new PeerInfo(A, "127.0.0.1:1", "outbound", 0, "validator", -1);
    PeerInfo b = new PeerInfo(B, "127.0.0.1:2", "inbound", -10, "observer", -1);
    status.peerSessions(List.of(a, b));
    status.peerSeen(A, 12);
    status.peerSeen(A, 11); // an older proposal arriving late does not lower it
    assertThat(ports.peers()).extracting(PeerInfo::height).containsExactly(12L, -1L);
    status.peerSessions(List.of(b));
    status.peerSessions(List.of(a, b));
    assertThat(ports.peers()).extracting(PeerInfo::height).containsExactly(-1L, -1L);
  }
}
