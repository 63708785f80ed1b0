package dev.bulwark.consensus.testing;

import dev.bulwark.consensus.port.InMemoryCommittedChain;
import dev.bulwark.consensus.port.Payload;
import dev.bulwark.consensus.round.ConsensusConfig;
import dev.bulwark.consensus.round.Event;
import dev.bulwark.consensus.round.RoundManager;
import dev.bulwark.consensus.safety.InMemorySafetyStorage;
import dev.bulwark.consensus.safety.SafetyRules;
import dev.bulwark.consensus.safety.ValidatorSigner;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.chain.QuorumCertificate;
import dev.bulwark.ledger.chain.TimeoutCertificate;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.chain.VoteData;
import dev.bulwark.ledger.crypto.bls.SignatureScheme;
import dev.bulwark.ledger.testkit.TestValidators.TestValidator;
import dev.bulwark.ledger.testkit.TestValidators;
import dev.bulwark.ledger.types.Hash;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Blocks and certificates of one epoch for tests: a root block, children at chosen rounds, and
 * QCs/TCs signed (real BLS) by the {@link TestValidators}.
 */
public final class ChainFixture {
  /** The chain id used throughout the tests. */
  public static final long CHAIN_ID = 7;

  private final TestValidators validators;
  private final long epoch;
  private final Block root;

  /** A fixture for {@code n} validators (seed {@code seed}) in {@code epoch}. */
  public ChainFixture(int n, long seed, long epoch) {
    this.validators = TestValidators.create(n, seed);
    this.epoch = epoch;
    this.root = epoch <= 1 ? genesis() : epochEnd(epoch);
  }

  private static Block genesis() {
    return new Block(
        BlockHeader.builder().number(0).timestampMillis(1_000_000).build(), List.of(), List.of());
  }

  /** The block ending epoch - 1 (number (epoch - 1) * 100), on a made-up parent. */
  private Block epochEnd(long epoch) {
    QuorumCertificate parent =
        QuorumCertificate.genesis(CHAIN_ID, validators.validatorSet(epoch - 1), Hash.ZERO);
    BlockHeader h =
        BlockHeader.builder()
            .parentQc(parent)
            .number((epoch - 1) * 100)
            .timestampMillis(1_000_000)
            .epoch(epoch - 1)
            .round(50)
            .build();
    return new Block(h, List.of(), List.of());
  }

  /** The validators (bitmap order). */
  public TestValidators validators() {
    return validators;
  }

  /** The epoch's validator set. */
  public ValidatorSet set() {
    return validators.validatorSet(epoch);
  }

  /** The epoch. */
  public long epoch() {
    return epoch;
  }

  /** The block the epoch starts from. */
  public Block root() {
    return root;
  }

  /** The unsigned round-0 certificate of the root. */
  public QuorumCertificate rootQc() {
    return QuorumCertificate.genesis(CHAIN_ID, set(), root.hash());
  }

  /** An empty block of {@code round} on the block {@code qc} certifies ({@code parent}). */
  public Block child(Block parent, QuorumCertificate qc, long round, int proposer) {
    BlockHeader h =
        BlockHeader.builder()
            .parentQc(qc)
            .number(parent.header().number() + 1)
            .timestampMillis(parent.header().timestampMillis() + 250)
            .proposer(validators.get(proposer).address())
            .epoch(epoch)
            .round(round)
            .skippedRounds(LongRange.between(qc.round(), round))
            .build();
    return new Block(h, List.of(), List.of());
  }

  /** The vote data for {@code block}. */
  public VoteData voteData(Block block) {
    QuorumCertificate parentQc = block.header().parentQc().orElseThrow();
    return new VoteData(
        CHAIN_ID,
        epoch,
        block.header().round(),
        block.hash(),
        block.header().parentHash(),
        parentQc.round());
  }

  /** A QC on {@code block} signed by everyone. */
  public QuorumCertificate qc(Block block) {
    return validators.qcByAll(voteData(block));
  }

  /**
   * A TC for {@code round} signed by the first {@code signers} validators, all with QC round hq.
   */
  public TimeoutCertificate tc(long round, int signers, long highQcRound) {
    int[] idx = IntStream.range(0, signers).toArray();
    long[] rounds = IntStream.range(0, signers).mapToLong(i -> highQcRound).toArray();
    return validators.tc(CHAIN_ID, epoch, round, idx, rounds);
  }

  /** The rounds strictly between two rounds. */
  static final class LongRange {
    private LongRange() {}

    static List<Long> between(long low, long high) {
      return java.util.stream.LongStream.range(low + 1, high).boxed().toList();
    }
  }

  /**
   * A started core for validator {@code index} over this chain's root and set, with empty payloads
   * and in-memory safety data.
   */
  public RoundManager startedNode(int index, ConsensusConfig config, long now) {
    TestValidator v = validators().get(index);
    SafetyRules rules = new SafetyRules(CHAIN_ID,
        new ValidatorSigner(v.address(), v.bls().secretKey(), SignatureScheme.BLS),
        new InMemorySafetyStorage());
    RoundManager n = new RoundManager(config, rules, (e, r, p) -> Payload.EMPTY,
        e -> e == epoch() ? Optional.of(set()) : Optional.empty(),
        new InMemoryCommittedChain(root()));
    n.handle(new Event.Start(now));
    return n;
  }
}
