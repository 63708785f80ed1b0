package dev.bulwark.consensus.round;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.consensus.liveness.ProposerElection;
import dev.bulwark.consensus.message.PeerId;
import dev.bulwark.consensus.message.ProposalMessage;
import dev.bulwark.consensus.message.VoteMessage;
import dev.bulwark.consensus.port.InMemoryCommittedChain;
import dev.bulwark.consensus.port.Payload;
import dev.bulwark.consensus.safety.InMemorySafetyStorage;
import dev.bulwark.consensus.safety.SafetyRules;
import dev.bulwark.consensus.safety.ValidatorSigner;
import dev.bulwark.consensus.testing.ChainFixture;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.ProposalData;
import dev.bulwark.ledger.chain.VoteData;
import dev.bulwark.ledger.crypto.bls.MemoizingScheme;
import dev.bulwark.ledger.crypto.bls.SignatureScheme;
import dev.bulwark.ledger.testkit.CountingScheme;
import dev.bulwark.ledger.testkit.TestValidators.TestValidator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A message prechecked off the core's thread costs the core no pairing of its own. */
class SignaturePrecheckTest {
  private final ChainFixture chain = new ChainFixture(4, 71, 1);
  private final CountingScheme counting = new CountingScheme();
  private final SignatureScheme scheme = new MemoizingScheme(counting);

  private int leaderOf(long round) {
    return chain.set().indexOf(new ProposerElection(chain.set()).leader(round)).getAsInt();
  }

  private RoundManager node(int index) {
    TestValidator v = chain.validators().get(index);
    SafetyRules rules = new SafetyRules(ChainFixture.CHAIN_ID,
        new ValidatorSigner(v.address(), v.bls().secretKey(), scheme), new InMemorySafetyStorage());
    return new RoundManager(ConsensusConfig.defaults(ChainFixture.CHAIN_ID, 100), rules,
        (e, r, p) -> Payload.EMPTY,
        e -> e == chain.epoch() ? Optional.of(chain.set()) : Optional.empty(),
        new InMemoryCommittedChain(chain.root()));
  }

  @Test
  void aPrecheckedProposalAndVoteNeedNoFurtherPairingInTheCore() {
    int leader = leaderOf(1);
    int voter = (leader + 1) % 4;
    RoundManager n = node(leaderOf(2)); // the next leader also collects the votes
    Block b = chain.child(chain.root(), chain.rootQc(), 1, leader);
    ProposalMessage proposal = new ProposalMessage(b, chain.validators().get(leader)
        .sign(new ProposalData(ChainFixture.CHAIN_ID, chain.epoch(), 1, b.hash())), Optional.empty());
    VoteData vote = chain.voteData(b);
    VoteMessage voteMessage = new VoteMessage(vote, chain.validators().get(voter).address(),
        chain.validators().get(voter).sign(vote));
    long now = b.header().timestampMillis() + 10;
    n.handle(new Event.Start(now));

    SignaturePrecheck.run(ChainFixture.CHAIN_ID, chain.set(), scheme, proposal);
    SignaturePrecheck.run(ChainFixture.CHAIN_ID, chain.set(), scheme, voteMessage);
    int prechecked = counting.verifications();
    assertThat(prechecked).isEqualTo(2);

    n.handle(new Event.MessageReceived(now, new PeerId("p"), proposal));
    n.handle(new Event.MessageReceived(now, new PeerId("q"), voteMessage));
    assertThat(counting.verifications()).as("the core found both answers cached").isEqualTo(prechecked);
  }

  @Test
  void aForgedSignatureIsLeftForTheCoreToReject() {
    int leader = leaderOf(1);
    Block b = chain.child(chain.root(), chain.rootQc(), 1, leader);
    ProposalMessage forged = new ProposalMessage(b, chain.validators().get((leader + 1) % 4)
        .sign(new ProposalData(ChainFixture.CHAIN_ID, chain.epoch(), 1, b.hash())), Optional.empty());
    RoundManager n = node(leaderOf(2));
    long now = b.header().timestampMillis() + 10;
    n.handle(new Event.Start(now));

    SignaturePrecheck.run(ChainFixture.CHAIN_ID, chain.set(), scheme, forged);
    List<Action> out = n.handle(new Event.MessageReceived(now, new PeerId("p"), forged));
    assertThat(out).filteredOn(Action.PenalisePeer.class::isInstance)
        .singleElement()
        .satisfies(a -> assertThat(((Action.PenalisePeer) a).reason()).isEqualTo(PenaltyReason.BAD_SIGNATURE));
  }
}
