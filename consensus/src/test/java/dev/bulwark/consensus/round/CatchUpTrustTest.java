package dev.bulwark.consensus.round;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.consensus.blocktree.BlockTree;
import dev.bulwark.consensus.blocktree.CommitDecision;
import dev.bulwark.consensus.message.BlockRetrievalRequest;
import dev.bulwark.consensus.message.BlockRetrievalResponse;
import dev.bulwark.consensus.message.CommittedBlocksRequest;
import dev.bulwark.consensus.message.CommittedBlocksResponse;
import dev.bulwark.consensus.message.CommittedSegment;
import dev.bulwark.consensus.message.PeerId;
import dev.bulwark.consensus.message.SyncInfo;
import dev.bulwark.consensus.testing.ChainFixture;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.CommitProof;
import dev.bulwark.ledger.chain.QuorumCertificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * What a catching-up node accepts from the peers it fetches from. With epochs of 2 blocks, E
 * (number 2) ends epoch 1; round 3 timed out, so the first tail block S1 (round 4) carries QC(E)
 * with a round gap and S2 (round 5) carries QC(S1). QC(S2) commits S1 by the two-chain rule, so it
 * is E's commit proof through the proof path [S1]; S1 itself is never committed by honest nodes.
 */
class CatchUpTrustTest {
  private static final long T0 = 2_000_000;
  private static final long EPOCH_LENGTH = 2;
  private static final PeerId LIAR = new PeerId("lying-peer");
  private static final PeerId HONEST = new PeerId("honest-peer");

  private final ChainFixture chain = new ChainFixture(4, 71, 1);
  private final ConsensusConfig config =
      ConsensusConfig.defaults(ChainFixture.CHAIN_ID, EPOCH_LENGTH);

  private final Block b1 = chain.child(chain.root(), chain.rootQc(), 1, 0);
  private final Block e = chain.child(b1, chain.qc(b1), 2, 1);
  private final Block s1 = chain.child(e, chain.qc(e), 4, 2);
  private final Block s2 = chain.child(s1, chain.qc(s1), 5, 3);
  private final CommitProof proofOfE = new CommitProof(chain.qc(s2));

  private RoundManager laggingNode() {
    return chain.startedNode(0, config, T0);
  }

  /** A message of epoch 2 from {@code peer}: the node learns it is behind and asks for blocks. */
  private static List<Action> laterEpochMessage(RoundManager n, PeerId peer, long t) {
    return n.handle(
        new Event.MessageReceived(
            t, peer, new SyncInfo(2, Optional.empty(), Optional.empty(), Optional.empty())));
  }

  private static List<Block> committed(List<Action> out) {
    return out.stream()
        .filter(Action.CommitBlocks.class::isInstance)
        .map(Action.CommitBlocks.class::cast)
        .flatMap(c -> c.blocks().stream())
        .toList();
  }

  private static List<Action.PenalisePeer> penalties(List<Action> out) {
    return out.stream()
        .filter(Action.PenalisePeer.class::isInstance)
        .map(Action.PenalisePeer.class::cast)
        .toList();
  }

  @Test
  void theBlockTreeCommitsUpToTheEpochEndAndKeepsTheTailAsProofPath() {
    BlockTree tree = new BlockTree(chain.root(), 0, Optional.of(chain.rootQc()), 1, EPOCH_LENGTH);
    for (Block b : List.of(b1, e, s1, s2)) {
      tree.insert(b);
    }
    tree.insertQc(chain.qc(b1));
    Optional<CommitDecision> first = tree.insertQc(chain.qc(e));
    tree.insertQc(chain.qc(s1)); // round gap over E: commits nothing
    Optional<CommitDecision> second = tree.insertQc(chain.qc(s2));

    assertThat(first.orElseThrow().blocks()).containsExactly(b1);
    assertThat(second.orElseThrow().blocks()).containsExactly(e);
    assertThat(second.orElseThrow().proofPath()).containsExactly(s1.header());
    assertThat(second.orElseThrow().proof()).isEqualTo(proofOfE);
  }

  @Test
  void aTailBlockServedAsCommittedIsRefusedAndTheNextPeerFinishesTheEpoch() {
    RoundManager n = laggingNode();
    assertThat(laterEpochMessage(n, LIAR, T0 + 1))
        .contains(
            new Action.SendToPeer(
                LIAR, new CommittedBlocksRequest(1, CommittedBlocksRequest.MAX_BLOCKS)));
    laterEpochMessage(n, HONEST, T0 + 2); // a second peer is ahead too

    // The liar serves E's proof with the tail block S1 moved from the proof path into the blocks.
    CommittedBlocksResponse lie =
        new CommittedBlocksResponse(
            1,
            3,
            List.of(
                new CommittedSegment(List.of(b1), new CommitProof(chain.qc(e)), List.of()),
                new CommittedSegment(List.of(e, s1), proofOfE, List.of())));
    List<Action> out = n.handle(new Event.MessageReceived(T0 + 3, LIAR, lie));

    assertThat(committed(out))
        .as("no block numbered past the epoch end (%d) is committed", EPOCH_LENGTH)
        .allSatisfy(b -> assertThat(b.header().number()).isLessThanOrEqualTo(EPOCH_LENGTH));
    assertThat(penalties(out))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.peer()).isEqualTo(LIAR);
              assertThat(p.reason()).isEqualTo(PenaltyReason.INVALID_BLOCK);
            });
    assertThat(out)
        .as("the rest is asked of the other peer known to be ahead, at once")
        .contains(
            new Action.SendToPeer(
                HONEST, new CommittedBlocksRequest(2, CommittedBlocksRequest.MAX_BLOCKS)));

    CommittedBlocksResponse truth =
        new CommittedBlocksResponse(
            2, 3, List.of(new CommittedSegment(List.of(e), proofOfE, List.of(s1.header()))));
    List<Action> finished = n.handle(new Event.MessageReceived(T0 + 4, HONEST, truth));

    assertThat(finished).contains(new Action.CommitBlocks(List.of(e), proofOfE, List.of(s1.header())));
    assertThat(n.activeEpoch())
        .as("having committed the epoch-ending block, the node waits for epoch 2")
        .isEmpty();
    n.handle(new Event.EpochChange(T0 + 5, chain.validators().validatorSet(2)));
    assertThat(n.activeEpoch()).isEqualTo(OptionalLong.of(2));
    assertThat(n.committedRoot().orElseThrow()).isEqualTo(e);
  }

  @Test
  void aSegmentEndingAtTheEpochEndEntersTheNextEpoch() {
    RoundManager n = laggingNode();
    laterEpochMessage(n, HONEST, T0 + 1);
    CommittedBlocksResponse truth =
        new CommittedBlocksResponse(
            1, 2, List.of(new CommittedSegment(List.of(b1, e), proofOfE, List.of(s1.header()))));

    List<Action> out = n.handle(new Event.MessageReceived(T0 + 2, HONEST, truth));

    assertThat(committed(out)).containsExactly(b1, e);
    assertThat(penalties(out)).isEmpty();
    assertThat(n.activeEpoch()).isEmpty();
    n.handle(new Event.EpochChange(T0 + 3, chain.validators().validatorSet(2)));
    assertThat(n.epoch()).isEqualTo(2);
  }

  @Test
  void fetchedBlocksWithAForgedParentQcCommitNothing() {
    // B1 <- B2 <- X. X's QC is genuine (round gap over B2: it commits nothing by itself); the QCs
    // inside B2 and X are signed by one validator only, yet QC(B2) has consecutive rounds over B1
    // and would commit B1 if it reached the commit rule unverified.
    QuorumCertificate forgedB1 = chain.validators().qc(chain.voteData(b1), 2);
    Block b2 = chain.child(b1, forgedB1, 2, 1);
    QuorumCertificate forgedB2 = chain.validators().qc(chain.voteData(b2), 2);
    Block x = chain.child(b2, forgedB2, 4, 3);
    RoundManager n = laggingNode();

    List<Action> asked =
        n.handle(
            new Event.MessageReceived(
                T0 + 1,
                LIAR,
                new SyncInfo(1, Optional.of(chain.qc(x)), Optional.empty(), Optional.empty())));
    assertThat(asked)
        .contains(
            new Action.SendToPeer(
                LIAR, new BlockRetrievalRequest(x.hash(), BlockSync.FETCH_COUNT)));
    List<Action> out = new ArrayList<>();
    out.addAll(
        n.handle(
            new Event.MessageReceived(
                T0 + 2, LIAR, new BlockRetrievalResponse(x.hash(), List.of(x, b2, b1)))));

    assertThat(committed(out)).isEmpty();
    assertThat(n.committedRoot().orElseThrow()).isEqualTo(chain.root());
    assertThat(penalties(out))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.peer()).isEqualTo(LIAR);
              assertThat(p.reason()).isEqualTo(PenaltyReason.INVALID_CERTIFICATE);
            });
  }
}
