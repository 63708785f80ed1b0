package dev.bulwark.consensus.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.consensus.message.PeerId;
import dev.bulwark.consensus.message.VoteMessage;
import dev.bulwark.consensus.testing.ChainFixture;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.QuorumCertificate;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.chain.VoteData;
import dev.bulwark.ledger.crypto.bls.BlsPublicKey;
import dev.bulwark.ledger.crypto.bls.BlsSecretKey;
import dev.bulwark.ledger.crypto.bls.BlsSignature;
import dev.bulwark.ledger.crypto.bls.SignatureScheme;
import dev.bulwark.ledger.testkit.TestValidators;
import dev.bulwark.ledger.testkit.TestValidators.TestValidator;
import dev.bulwark.ledger.types.Hash;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class PendingVotesTest {
  private final ChainFixture chain = new ChainFixture(4, 31, 0);
  private final Block b1 = chain.child(chain.root(), chain.rootQc(), 1, 1);
  private final VoteData data = chain.voteData(b1);

  private VoteMessage vote(int i) {
    return new VoteMessage(
        data, chain.validators().get(i).address(), chain.validators().get(i).sign(data));
  }

  private static PeerId peer(int i) {
    return new PeerId("p" + i);
  }

  /** A vote for a block nobody proposed, in validator {@code i}'s name, signed by another key. */
  private VoteMessage forgedForMadeUpBlock(int i, int seed) {
    byte[] id = new byte[Hash.SIZE];
    id[0] = (byte) seed;
    VoteData madeUp =
        new VoteData(
            data.chainId(),
            data.epoch(),
            data.round(),
            Hash.of(id),
            data.parentId(),
            data.parentRound());
    BlsSignature wrongKey = chain.validators().get((i + 1) % 4).sign(madeUp);
    return new VoteMessage(madeUp, chain.validators().get(i).address(), wrongKey);
  }

  private VoteMessage signedBy(int i, VoteData d) {
    TestValidator v = chain.validators().get(i);
    return new VoteMessage(d, v.address(), v.sign(d));
  }

  /** Counts single-signature verifications (the cost paid only under attack). */
  private static final class CountingScheme implements SignatureScheme {
    private static final SignatureScheme BLS = SignatureScheme.BLS;
    int singles;

    @Override
    public BlsSignature sign(BlsSecretKey sk, byte[] message) {
      return BLS.sign(sk, message);
    }

    @Override
    public boolean verify(BlsPublicKey pk, byte[] message, BlsSignature sig) {
      singles++;
      return BLS.verify(pk, message, sig);
    }

    @Override
    public BlsSignature aggregate(List<BlsSignature> signatures) {
      return BLS.aggregate(signatures);
    }

    @Override
    public boolean fastAggregateVerify(List<BlsPublicKey> keys, byte[] message, BlsSignature agg) {
      return BLS.fastAggregateVerify(keys, message, agg);
    }

    @Override
    public boolean aggregateVerify(
        List<BlsPublicKey> keys, List<byte[]> messages, BlsSignature agg) {
      return BLS.aggregateVerify(keys, messages, agg);
    }
  }

  @Test
  void forgedVotesArrivingFirstDoNotCrowdOutTheRealVote() throws Exception {
    PendingVotes votes = new PendingVotes(chain.set(), SignatureScheme.BLS);
    assertThat(votes.add(forgedForMadeUpBlock(2, 1), 2, peer(9)).badSenders()).isEmpty();
    assertThat(votes.add(forgedForMadeUpBlock(2, 2), 2, peer(9)).badSenders()).isEmpty();
    votes.add(vote(0), 0, peer(0));
    votes.add(vote(1), 1, peer(1));

    VoteOutcome real = votes.add(vote(2), 2, peer(2));

    real.qc().orElseThrow().verify(chain.set(), SignatureScheme.BLS);
    assertThat(real.qc().orElseThrow().signers().indexes()).containsExactly(0, 1, 2);
    assertThat(real.badSenders()).containsExactly(peer(9), peer(9));
  }

  @Test
  void aForgeryPastTheLimitIsRejectedAloneAndItsSenderReported() {
    CountingScheme scheme = new CountingScheme();
    PendingVotes votes = new PendingVotes(chain.set(), scheme);
    votes.add(forgedForMadeUpBlock(2, 1), 2, peer(9));
    votes.add(vote(2), 2, peer(2));
    assertThat(scheme.singles).as("the honest path verifies nothing on its own").isZero();

    VoteOutcome third = votes.add(forgedForMadeUpBlock(2, 3), 2, peer(8));

    assertThat(third.badSenders()).containsExactly(peer(8));
    assertThat(scheme.singles).as("only the newcomer is checked when it is bad").isEqualTo(1);
  }

  @Test
  void twoValidVotesKeepTheirPlaceAndTheBoundHolds() throws Exception {
    PendingVotes votes = new PendingVotes(chain.set(), SignatureScheme.BLS);
    VoteData other =
        new VoteData(
            data.chainId(), data.epoch(), data.round(), Hash.of(new byte[Hash.SIZE]),
            data.parentId(), data.parentRound());
    VoteMessage doubleVote = signedBy(2, other);
    votes.add(doubleVote, 2, peer(2));
    votes.add(vote(2), 2, peer(2));
    byte[] third = new byte[Hash.SIZE];
    third[1] = 7;
    VoteData thirdData =
        new VoteData(
            data.chainId(), data.epoch(), data.round(), Hash.of(third), data.parentId(),
            data.parentRound());

    VoteOutcome over =
        votes.add(signedBy(2, thirdData), 2, peer(2));

    assertThat(over.badSenders()).as("validly signed: nothing to penalise").isEmpty();
    votes.add(vote(0), 0, peer(0));
    assertThat(votes.add(vote(1), 1, peer(1)).qc()).as("the real vote kept its place").isPresent();
  }

  @Test
  void formsAQcAtTheQuorumAndOnlyOnce() throws Exception {
    PendingVotes votes = new PendingVotes(chain.set(), SignatureScheme.BLS);

    assertThat(votes.add(vote(0), 0, peer(0)).qc()).isEmpty();
    assertThat(votes.add(vote(1), 1, peer(1)).qc()).isEmpty();
    QuorumCertificate qc = votes.add(vote(3), 3, peer(3)).qc().orElseThrow();
    assertThat(votes.add(vote(2), 2, peer(2)).qc()).isEmpty();

    qc.verify(ChainFixture.CHAIN_ID, chain.set(), SignatureScheme.BLS);
    assertThat(qc.signers().indexes()).containsExactly(0, 1, 3);
    assertThat(qc.vote()).isEqualTo(data);
  }

  @Test
  void duplicatesDoNotCount() {
    PendingVotes votes = new PendingVotes(chain.set(), SignatureScheme.BLS);
    votes.add(vote(0), 0, peer(0));
    votes.add(vote(0), 0, peer(0));

    assertThat(votes.add(vote(1), 1, peer(1)).qc()).isEmpty();
  }

  @Test
  void aForgedVoteIsFoundAfterTheAggregateFailsAndItsSenderReported() throws Exception {
    PendingVotes votes = new PendingVotes(chain.set(), SignatureScheme.BLS);
    VoteMessage forged =
        new VoteMessage(
            data,
            chain.validators().get(2).address(),
            chain.validators().get(0).sign(data)); // validator 0's signature in 2's name
    votes.add(vote(0), 0, peer(0));
    votes.add(forged, 2, peer(9));

    VoteOutcome third = votes.add(vote(1), 1, peer(1));
    assertThat(third.qc()).isEmpty();
    assertThat(third.badSenders()).containsExactly(peer(9));

    VoteOutcome real = votes.add(vote(2), 2, peer(2));
    real.qc().orElseThrow().verify(chain.set(), SignatureScheme.BLS);
  }

  @Test
  void aRealVoteReplacesAForgeryForTheSameAuthor() throws Exception {
    PendingVotes votes = new PendingVotes(chain.set(), SignatureScheme.BLS);
    VoteMessage forged =
        new VoteMessage(
            data, chain.validators().get(1).address(), chain.validators().get(3).sign(data));
    votes.add(forged, 1, peer(9));

    VoteOutcome replaced = votes.add(vote(1), 1, peer(1));

    assertThat(replaced.badSenders()).containsExactly(peer(9));
    votes.add(vote(0), 0, peer(0));
    assertThat(votes.add(vote(3), 3, peer(3)).qc()).isPresent();
  }

  @Test
  void theQuorumIsByStakeNotByCount() {
    TestValidators weighted =
        TestValidators.withPowers(
            31,
            List.of(
                BigInteger.valueOf(700),
                BigInteger.valueOf(100),
                BigInteger.valueOf(100),
                BigInteger.valueOf(100)));
    ValidatorSet set = weighted.validatorSet(0);
    PendingVotes votes = new PendingVotes(set, SignatureScheme.BLS);

    votes.add(
        new VoteMessage(data, weighted.get(1).address(), weighted.get(1).sign(data)), 1, peer(1));
    votes.add(
        new VoteMessage(data, weighted.get(2).address(), weighted.get(2).sign(data)), 2, peer(2));
    assertThat(
            votes
                .add(
                    new VoteMessage(data, weighted.get(3).address(), weighted.get(3).sign(data)),
                    3,
                    peer(3))
                .qc())
        .as("300 of 1000 is no quorum")
        .isEmpty();
    assertThat(
            votes
                .add(
                    new VoteMessage(data, weighted.get(0).address(), weighted.get(0).sign(data)),
                    0,
                    peer(0))
                .qc())
        .isPresent();
  }

  @Test
  void pruningForgetsOldRounds() {
    PendingVotes votes = new PendingVotes(chain.set(), SignatureScheme.BLS);
    votes.add(vote(0), 0, peer(0));
    assertThat(votes.roundCount()).isEqualTo(1);

    votes.pruneBelow(2);

    assertThat(votes.roundCount()).isZero();
  }
}
