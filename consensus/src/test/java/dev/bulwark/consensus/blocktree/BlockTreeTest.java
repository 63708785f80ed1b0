package dev.bulwark.consensus.blocktree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.consensus.testing.ChainFixture;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.QuorumCertificate;
import dev.bulwark.ledger.chain.VoteData;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BlockTreeTest {
  private final ChainFixture chain = new ChainFixture(4, 21, 0);

  private BlockTree tree(long epochLength) {
    return new BlockTree(chain.root(), 0, Optional.of(chain.rootQc()), 0, epochLength);
  }

  @Test
  void aQcOnADirectChildCommitsTheParentWithThatQcAsProof() {
    BlockTree t = tree(100);
    Block b1 = chain.child(chain.root(), chain.rootQc(), 1, 1);
    Block b2 = chain.child(b1, chain.qc(b1), 2, 2);
    t.insert(b1);
    t.insert(b2);

    assertThat(t.insertQc(chain.qc(b1))).isEmpty();
    QuorumCertificate qc2 = chain.qc(b2);
    CommitDecision d = t.insertQc(qc2).orElseThrow();

    assertThat(d.blocks()).containsExactly(b1);
    assertThat(d.proof().qc()).isEqualTo(qc2);
    assertThat(d.proof().committedBlockId()).isEqualTo(b1.hash());
    assertThat(d.proofPath()).isEmpty();
    assertThat(t.root()).isEqualTo(b1);
    assertThat(t.highestQc()).contains(qc2);
  }

  @Test
  void aGapInRoundsCommitsNothingUntilTwoConsecutiveRoundsAreCertified() {
    BlockTree t = tree(100);
    Block b1 = chain.child(chain.root(), chain.rootQc(), 1, 1);
    Block b3 = chain.child(b1, chain.qc(b1), 3, 2);
    Block b4 = chain.child(b3, chain.qc(b3), 4, 3);
    Block b5 = chain.child(b4, chain.qc(b4), 5, 0);
    t.insert(b1);
    t.insert(b3);
    t.insert(b4);
    t.insert(b5);

    assertThat(t.insertQc(chain.qc(b1))).isEmpty();
    assertThat(t.insertQc(chain.qc(b3))).as("round 3 does not follow round 1").isEmpty();
    CommitDecision d = t.insertQc(chain.qc(b4)).orElseThrow();

    assertThat(d.blocks()).containsExactly(b1, b3);
    assertThat(t.insertQc(chain.qc(b5)).orElseThrow().blocks()).containsExactly(b4);
  }

  @Test
  void aCommitPrunesConflictingBranches() {
    BlockTree t = tree(100);
    Block b1 = chain.child(chain.root(), chain.rootQc(), 1, 1);
    Block fork = chain.child(chain.root(), chain.rootQc(), 2, 2);
    Block b2 = chain.child(b1, chain.qc(b1), 2, 2);
    t.insert(b1);
    t.insert(fork);
    t.insert(b2);
    t.insertQc(chain.qc(b1));

    t.insertQc(chain.qc(b2));

    assertThat(t.contains(fork.hash())).isFalse();
    assertThat(t.contains(b2.hash())).isTrue();
    assertThat(t.size()).isEqualTo(2);
  }

  @Test
  void stopsCommittingAtTheEpochEndingBlockAndKeepsThePathToTheProof() {
    BlockTree t = tree(2); // block 2 ends the epoch
    Block b1 = chain.child(chain.root(), chain.rootQc(), 1, 1);
    Block b2 = chain.child(b1, chain.qc(b1), 2, 2);
    Block b3 = chain.child(b2, chain.qc(b2), 4, 3);
    Block b4 = chain.child(b3, chain.qc(b3), 5, 0);
    for (Block b : new Block[] {b1, b2, b3, b4}) {
      t.insert(b);
    }
    t.insertQc(chain.qc(b1));
    t.insertQc(chain.qc(b3)); // round 4 does not follow round 2: no commit yet
    assertThat(t.atOrAfterEpochEnd(b3.hash())).isTrue();
    assertThat(t.atOrAfterEpochEnd(b1.hash())).isFalse();

    CommitDecision d = t.insertQc(chain.qc(b4)).orElseThrow();

    assertThat(d.blocks()).containsExactly(b1, b2);
    assertThat(d.proofPath()).containsExactly(b3.header());
    assertThat(d.endsEpoch()).isTrue();
    assertThat(t.epochEnded()).isTrue();
    assertThat(t.root()).isEqualTo(b2);
  }

  @Test
  void rejectsAQcWhoseVoteDataDoesNotDescribeItsBlock() {
    BlockTree t = tree(100);
    Block b1 = chain.child(chain.root(), chain.rootQc(), 1, 1);
    t.insert(b1);
    VoteData wrong = new VoteData(ChainFixture.CHAIN_ID, 0, 2, b1.hash(), chain.root().hash(), 0);

    assertThatThrownBy(() -> t.insertQc(chain.validators().qcByAll(wrong)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void executesBlocksOnlyAfterTheirParents() {
    BlockTree t = tree(100);
    Block b1 = chain.child(chain.root(), chain.rootQc(), 1, 1);
    Block b2 = chain.child(b1, chain.qc(b1), 2, 2);

    assertThat(t.insert(b1)).contains(b1);
    assertThat(t.insert(b2)).isEmpty();
    assertThat(t.executionState(b2.hash())).contains(ExecutionState.WAITING_FOR_PARENT);
    assertThat(t.markExecuted(b1.hash())).containsExactly(b2);
    assertThat(t.executionState(b2.hash())).contains(ExecutionState.EXECUTING);
  }

  @Test
  void aCommittedRootCountsAsExecutedSoItsChildrenCanRun() {
    BlockTree t = tree(100);
    Block b1 = chain.child(chain.root(), chain.rootQc(), 1, 1);
    Block b2 = chain.child(b1, chain.qc(b1), 2, 2);
    Block b3 = chain.child(b2, chain.qc(b2), 3, 3);
    t.insert(b1);
    t.insert(b2);
    t.insert(b3);
    t.insertQc(chain.qc(b1));
    t.insertQc(chain.qc(b2)); // commits b1 before its execution came back

    assertThat(t.settleRoot()).containsExactly(b2);
    assertThat(t.executionState(b1.hash())).contains(ExecutionState.EXECUTED);
  }

  @Test
  void invalidBlocksTaintTheirDescendants() {
    BlockTree t = tree(100);
    Block b1 = chain.child(chain.root(), chain.rootQc(), 1, 1);
    Block b2 = chain.child(b1, chain.qc(b1), 2, 2);
    t.insert(b1);
    t.insert(b2);

    t.markInvalid(b1.hash());

    assertThat(t.executionState(b2.hash())).contains(ExecutionState.INVALID);
    assertThat(t.markExecuted(b1.hash())).isEmpty();
  }

  @Test
  void servesAncestorsNewestFirst() {
    BlockTree t = tree(100);
    Block b1 = chain.child(chain.root(), chain.rootQc(), 1, 1);
    Block b2 = chain.child(b1, chain.qc(b1), 2, 2);
    t.insert(b1);
    t.insert(b2);

    assertThat(t.ancestors(b2.hash(), 10)).containsExactly(b2, b1, chain.root());
    assertThat(t.ancestors(b2.hash(), 2)).containsExactly(b2, b1);
  }
}
