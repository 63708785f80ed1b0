package dev.bulwark.consensus.round;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.consensus.liveness.ProposerElection;
import dev.bulwark.consensus.message.PeerId;
import dev.bulwark.consensus.message.ProposalMessage;
import dev.bulwark.consensus.message.VoteMessage;
import dev.bulwark.consensus.testing.ChainFixture;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.ProposalData;
import dev.bulwark.ledger.chain.QuorumCertificate;
import dev.bulwark.ledger.chain.VoteData;
import dev.bulwark.ledger.testkit.TestValidators.TestValidator;
import dev.bulwark.ledger.types.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Votes forged in an honest validator's name for made-up blocks, arriving before its real vote,
 * do not keep the next leader from certifying the real block (the whole core: detector, then
 * pending votes).
 */
class ForgedVotesTest {
  private static final long T0 = 1_000_000;
  private static final PeerId FORGER = new PeerId("forging-peer");

  private final ChainFixture chain = new ChainFixture(4, 71, 1);
  private final ConsensusConfig config = ConsensusConfig.defaults(ChainFixture.CHAIN_ID, 100);
  private final int leader = leaderOf(2);

  private int leaderOf(long round) {
    return chain.set().indexOf(new ProposerElection(chain.set()).leader(round)).getAsInt();
  }

  private RoundManager node() {
    return chain.startedNode(leader, config, T0);
  }

  private ProposalMessage roundOne() {
    int proposer = leaderOf(1);
    Block b = chain.child(chain.root(), chain.rootQc(), 1, proposer);
    ProposalData d = new ProposalData(ChainFixture.CHAIN_ID, chain.epoch(), 1, b.hash());
    return new ProposalMessage(b, chain.validators().get(proposer).sign(d), Optional.empty());
  }

  private VoteMessage forged(VoteData real, int author, int seed) {
    byte[] id = new byte[Hash.SIZE];
    id[0] = (byte) seed;
    id[1] = 42;
    VoteData madeUp =
        new VoteData(
            real.chainId(), real.epoch(), real.round(), Hash.of(id), real.parentId(),
            real.parentRound());
    TestValidator v = chain.validators().get(author);
    return new VoteMessage(madeUp, v.address(), chain.validators().get(leader).sign(madeUp));
  }

  @Test
  void twoForgedVotesFirstDoNotKeepTheRealVoteOutOfTheQc() {
    RoundManager n = node();
    ProposalMessage p = roundOne();
    n.handle(new Event.MessageReceived(T0 + 10, new PeerId("p"), p));
    VoteData data = chain.voteData(p.block());
    List<Integer> voters = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      if (i != leader) {
        voters.add(i); // exactly the quorum: every one of them is needed
      }
    }
    int victim = voters.get(0);
    List<Action> out = new ArrayList<>();
    out.addAll(n.handle(new Event.MessageReceived(T0 + 20, FORGER, forged(data, victim, 1))));
    out.addAll(n.handle(new Event.MessageReceived(T0 + 21, FORGER, forged(data, victim, 2))));

    for (int i : voters) {
      TestValidator v = chain.validators().get(i);
      VoteMessage real = new VoteMessage(data, v.address(), v.sign(data));
      out.addAll(n.handle(new Event.MessageReceived(T0 + 30, new PeerId("v" + i), real)));
    }

    assertThat(n.highestQc().map(QuorumCertificate::blockId)).contains(p.block().hash());
    assertThat(out)
        .filteredOn(Action.PenalisePeer.class::isInstance)
        .map(a -> (Action.PenalisePeer) a)
        .isNotEmpty()
        .allSatisfy(
            a -> {
              assertThat(a.peer()).isEqualTo(FORGER);
              assertThat(a.reason()).isEqualTo(PenaltyReason.BAD_SIGNATURE);
            });
  }
}
