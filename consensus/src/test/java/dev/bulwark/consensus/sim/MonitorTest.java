package dev.bulwark.consensus.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.consensus.message.VoteMessage;
import dev.bulwark.consensus.round.Action;
import dev.bulwark.consensus.round.PenaltyReason;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.chain.CommitProof;
import dev.bulwark.ledger.chain.Evidence;
import dev.bulwark.ledger.chain.QuorumCertificate;
import dev.bulwark.ledger.chain.SignerBitmap;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.chain.VoteData;
import dev.bulwark.ledger.crypto.bls.BlsSignature;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The monitors must fire on what they guard against: a monitor that cannot fire is worthless. */
class MonitorTest {
  private static final long CHAIN = Simulation.CHAIN_ID;
  private final SimKeys keys = SimKeys.create(99, 4);
  private final TestSignatureScheme scheme = new TestSignatureScheme();
  private final EpochSchedule schedule = EpochSchedule.fixed(keys, 4);
  private final ValidatorSet set = schedule.set(0);
  private final Block genesis =
      new Block(BlockHeader.builder().number(0).build(), List.of(), List.of());

  MonitorTest() {
    keys.all().forEach(k -> scheme.register(k.secretKey(), k.publicKey()));
  }

  private SimKeys.Key validator(int bitmapIndex) {
    Address a = set.get(bitmapIndex).address();
    return keys.all().stream().filter(k -> k.address().equals(a)).findFirst().orElseThrow();
  }

  private QuorumCertificate qc(VoteData vote, int... signers) {
    List<BlsSignature> sigs =
        IntStream.of(signers)
            .mapToObj(i -> scheme.sign(validator(i).secretKey(), vote.signingBytes().toArray()))
            .toList();
    return new QuorumCertificate(vote, scheme.aggregate(sigs), SignerBitmap.of(4, signers));
  }

  /** Block 1 with {@code salt} in its timestamp, committed by a proof signed by {@code signers}. */
  private Action.CommitBlocks commitOfBlockOne(long salt, int... signers) {
    QuorumCertificate rootQc = QuorumCertificate.genesis(CHAIN, set, genesis.hash());
    Block b1 =
        new Block(
            BlockHeader.builder().parentQc(rootQc).number(1).round(1).timestampMillis(salt).build(),
            List.of(),
            List.of());
    Block b2 =
        new Block(
            BlockHeader.builder()
                .parentQc(qc(vote(b1, 0), signers))
                .number(2)
                .round(2)
                .timestampMillis(salt + 1)
                .build(),
            List.of(),
            List.of());
    CommitProof proof = new CommitProof(qc(vote(b2, 1), signers));
    return new Action.CommitBlocks(List.of(b1), proof, List.of());
  }

  private static VoteData vote(Block b, long parentRound) {
    return new VoteData(
        CHAIN, 0, b.header().round(), b.hash(), b.header().parentHash(), parentRound);
  }

  private SafetyMonitor safetyMonitor() {
    Set<Address> honest = new TreeSet<>();
    keys.all().forEach(k -> honest.add(k.address()));
    return new SafetyMonitor(CHAIN, schedule, scheme, honest);
  }

  @Test
  void safetyMonitorFiresOnAFork() {
    SafetyMonitor m = safetyMonitor();
    m.onCommit(0, true, commitOfBlockOne(10, 0, 1, 2), 5);
    m.onCommit(1, true, commitOfBlockOne(10, 0, 1, 3), 6);
    assertThat(m.violations()).isEmpty();

    m.onCommit(2, true, commitOfBlockOne(11, 1, 2, 3), 7);

    assertThat(m.violations())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.kind()).isEqualTo(Violation.Kind.FORK);
              assertThat(v.detail()).contains("fork at height 1");
            });
  }

  @Test
  void safetyMonitorIgnoresForksOfDishonestNodesButNotTheirBadProofs() {
    SafetyMonitor m = safetyMonitor();
    m.onCommit(0, true, commitOfBlockOne(10, 0, 1, 2), 5);
    m.onCommit(1, false, commitOfBlockOne(11, 0, 1, 2), 6);
    assertThat(m.violations()).isEmpty();

    m.onCommit(1, false, commitOfBlockOne(10, 0, 1), 7); // two of four: no quorum

    assertThat(m.violations())
        .singleElement()
        .satisfies(v -> assertThat(v.detail()).contains("without a valid commit proof"));
  }

  @Test
  void safetyMonitorFiresOnAnHonestDoubleVote() {
    SafetyMonitor m = safetyMonitor();
    Address author = validator(0).address();
    VoteData a = new VoteData(CHAIN, 0, 5, Hash.ZERO, Hash.ZERO, 4);
    VoteData b = new VoteData(CHAIN, 0, 5, genesis.hash(), Hash.ZERO, 4);

    m.onSigned(0, author, a, 1);
    m.onSigned(0, author, a, 2);
    assertThat(m.violations()).isEmpty();
    m.onSigned(0, author, b, 3);

    assertThat(m.violations())
        .singleElement()
        .satisfies(v -> assertThat(v.detail()).contains("signed two different vote"));
  }

  @Test
  void safetyMonitorFiresOnEvidenceAgainstHonestValidatorsAndFalsePenalties() {
    SafetyMonitor m = safetyMonitor();
    SimKeys.Key k = validator(0);
    VoteData a = new VoteData(CHAIN, 0, 5, Hash.ZERO, Hash.ZERO, 4);
    VoteData b = new VoteData(CHAIN, 0, 5, genesis.hash(), Hash.ZERO, 4);
    Evidence e =
        Evidence.of(
            k.address(),
            a,
            scheme.sign(k.secretKey(), a.signingBytes().toArray()),
            b,
            scheme.sign(k.secretKey(), b.signingBytes().toArray()));

    m.onEvidence(1, e, 3);
    m.onPenalty(1, true, PenaltyReason.BAD_SIGNATURE, "forged", 4);
    m.onPenalty(1, false, PenaltyReason.BAD_SIGNATURE, "forged", 5);
    m.onPenalty(1, true, PenaltyReason.TOO_FAR_IN_FUTURE, "clock", 6);

    assertThat(m.violations()).hasSize(2);
  }

  @Test
  void evidenceMonitorExpectsEvidenceForConflictsThatReachedOneNode() {
    EvidenceMonitor m = new EvidenceMonitor(CHAIN, scheme);
    SimKeys.Key k = validator(2);
    VoteMessage first = signedVote(k, Hash.ZERO);
    VoteMessage second = signedVote(k, genesis.hash());
    VoteMessage forged =
        new VoteMessage(
            second.vote(),
            k.address(),
            scheme.sign(validator(1).secretKey(), second.vote().signingBytes().toArray()));

    m.delivered(0, first, set, 1);
    m.delivered(1, second, set, 2);
    m.delivered(0, forged, set, 3);
    assertThat(m.missed()).as("different nodes, or a forgery: nothing to report").isEmpty();

    m.delivered(0, second, set, 4);
    assertThat(m.missed())
        .singleElement()
        .satisfies(v -> assertThat(v.kind()).isEqualTo(Violation.Kind.EVIDENCE_MISSED));

    m.reported(
        0,
        Evidence.of(
            k.address(), first.vote(), first.signature(), second.vote(), second.signature()));
    assertThat(m.missed()).isEmpty();
  }

  @Test
  void evidenceMonitorExpectsNothingAcrossACrash() {
    EvidenceMonitor m = new EvidenceMonitor(CHAIN, scheme);
    SimKeys.Key k = validator(2);

    m.delivered(0, signedVote(k, Hash.ZERO), set, 1);
    m.forget(0); // the node crashed and restarted: its detector starts empty
    m.delivered(0, signedVote(k, genesis.hash()), set, 2);

    assertThat(m.missed()).isEmpty();
  }

  private VoteMessage signedVote(SimKeys.Key k, Hash block) {
    VoteData d = new VoteData(CHAIN, 0, 3, block, Hash.ZERO, 2);
    return new VoteMessage(d, k.address(), scheme.sign(k.secretKey(), d.signingBytes().toArray()));
  }

  /** A cluster of four honest nodes with settable up/down state, no partitions. */
  private final class StubView implements ClusterView {
    final boolean[] up = {true, true, true, true};

    @Override
    public int nodeCount() {
      return 4;
    }

    @Override
    public boolean up(int node) {
      return up[node];
    }

    @Override
    public boolean honest(int node) {
      return true;
    }

    @Override
    public int keyIndex(int node) {
      return node;
    }

    @Override
    public long epochOf(int node) {
      return 0;
    }

    @Override
    public List<Set<Integer>> groups() {
      return List.of(Set.of(0, 1, 2, 3));
    }

    @Override
    public EpochSchedule schedule() {
      return schedule;
    }
  }

  @Test
  void livenessMonitorFiresWhenAnHonestNodeStallsAfterGst() {
    StubView view = new StubView();
    LivenessMonitor m = new LivenessMonitor(4, 1000, 20_000, true);
    m.check(view, 500);
    m.check(view, 1000);
    for (int i = 0; i < 3; i++) {
      m.onCommit(i, 5, 15_000);
    }
    m.check(view, 21_000);
    assertThat(m.violations()).isEmpty();

    m.check(view, 21_001);

    assertThat(m.violations())
        .singleElement()
        .satisfies(v -> assertThat(v.detail()).contains("honest node 3"));
  }

  @Test
  void livenessMonitorFiresOnProgressWithoutAQuorum() {
    StubView view = new StubView();
    LivenessMonitor m = new LivenessMonitor(4, 0, 20_000, true);
    m.onProposal(7);
    view.up[1] = false;
    view.up[2] = false;
    m.check(view, 100);
    m.onCommit(0, 6, 200); // certified before the outage: allowed
    assertThat(m.violations()).isEmpty();

    m.onCommit(0, 7, 300);

    assertThat(m.violations())
        .singleElement()
        .satisfies(v -> assertThat(v.detail()).contains("no connected group"));
    List<Violation> none = new ArrayList<>(m.violations());
    view.up[1] = true;
    m.check(view, 400);
    assertThat(m.violations()).isEqualTo(none);
  }
}
