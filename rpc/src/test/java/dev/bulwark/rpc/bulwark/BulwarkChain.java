package dev.bulwark.rpc.bulwark;

import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.chain.CommitProof;
import dev.bulwark.ledger.chain.Evidence;
import dev.bulwark.ledger.chain.LeaderSchedule;
import dev.bulwark.ledger.execution.ListRoot;
import dev.bulwark.ledger.chain.QuorumCertificate;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.chain.VoteData;
import dev.bulwark.ledger.crypto.Keccak;
import dev.bulwark.ledger.execution.BlockTemplate;
import dev.bulwark.ledger.execution.BuiltBlock;
import dev.bulwark.ledger.execution.ChainParams;
import dev.bulwark.ledger.execution.Epochs;
import dev.bulwark.ledger.execution.GenesisSpec;
import dev.bulwark.ledger.execution.InvalidBlockException;
import dev.bulwark.ledger.staking.StakingFunction;
import dev.bulwark.ledger.staking.StakingModule;
import dev.bulwark.ledger.storage.InMemoryStore;
import dev.bulwark.ledger.store.Ledger;
import dev.bulwark.ledger.testkit.TestValidators;
import dev.bulwark.ledger.testkit.TestValidators.TestValidator;
import dev.bulwark.ledger.tx.DynamicFeeTransaction;
import dev.bulwark.ledger.tx.SignedTransaction;
import dev.bulwark.ledger.tx.TransactionSignature;
import dev.bulwark.ledger.tx.TransactionSigner;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A real ledger (real staking module, in-memory store) whose blocks carry QCs and commit proofs
 * signed with real BLS keys: epochs of 4 blocks; validator 3 unstakes in epoch 1 (epoch 2 has
 * other powers); validator 2 equivocates in epoch 2 and is slashed and jailed in block 6 (epoch
 * 3's set has three validators); block 3 follows a timed-out round. Epoch-ending blocks commit
 * through a proof path of one empty descendant, as consensus does.
 */
final class BulwarkChain implements AutoCloseable {
  static final long CHAIN_ID = 4242;
  static final long EPOCH_LENGTH = 4;
  static final BigInteger STAKE = BigInteger.valueOf(1000);
  static final BigInteger UNSTAKED = BigInteger.valueOf(400);
  static final BigInteger GWEI = BigInteger.TEN.pow(9);
  static final int OFFENDER = 2;
  static final int UNSTAKER = 3;

  final TestValidators validators = TestValidators.withPowers(31, List.of(STAKE, STAKE, STAKE, STAKE));
  final ChainParams params = new ChainParams(CHAIN_ID, EPOCH_LENGTH, 10, BigInteger.valueOf(100),
      100, 50, 1000, 50, 20, 15, 100, 30_000_000, GWEI, 100_000, validators.get(0).address());
  final GenesisSpec genesis;
  final Ledger ledger;
  Evidence evidence;
  private final Map<Address, Long> nonces = new HashMap<>();
  private long round;
  private Address absent;
  private int absentSlots;

  BulwarkChain() {
    Map<Address, BigInteger> alloc = new HashMap<>();
    List<GenesisSpec.Validator> gv = new ArrayList<>();
    for (TestValidator v : validators.validators()) {
      alloc.put(v.address(), BigInteger.TEN.pow(21));
      gv.add(new GenesisSpec.Validator(v.address(), v.bls().publicKey(), v.nodePublicKey(), STAKE));
    }
    genesis = new GenesisSpec(params, 1_700_000_000L, alloc, gv);
    ledger = Ledger.open(new InMemoryStore(), genesis, new StakingModule(params));
  }

  /** The genesis validator set (epoch 1's). */
  ValidatorSet genesisSet() {
    return validators.validatorSet(1);
  }

  /** Builds and commits blocks 1..{@code last} as the class comment describes. */
  BulwarkChain grow(long last) {
    while (ledger.head().number() < last) {
      long n = ledger.head().number() + 1;
      List<SignedTransaction> txs = n == 2 ? List.of(unstake()) : List.of();
      List<Evidence> ev = n == 6 ? List.of(equivocation()) : List.of();
      next(txs, ev, n == 3 ? 1 : 0);
    }
    return this;
  }

  /**
   * Commits one more block after {@code slots} timed-out rounds that {@code validator} led: with
   * the threshold of 15 failed slots, 15 jail it for inactivity in that block.
   */
  BulwarkChain timeOutLeaderSlots(Address validator, int slots) {
    absent = validator;
    absentSlots = slots;
    next(List.of(), List.of(), 0);
    return this;
  }

  private void next(List<SignedTransaction> txs, List<Evidence> ev, int skipped) {
    BlockHeader parent = ledger.head();
    boolean newEpoch = Epochs.endsEpoch(parent.number(), EPOCH_LENGTH);
    long epoch = newEpoch ? (parent.number() == 0 ? 1 : parent.epoch() + 1) : parent.epoch();
    ValidatorSet set = ledger.validatorSet(epoch).orElseThrow();
    QuorumCertificate qc;
    if (newEpoch) {
      qc = QuorumCertificate.genesis(CHAIN_ID, set, parent.hash());
      round = 0;
    } else {
      qc = sign(set, voteOn(parent));
    }
    List<Long> skippedRounds = new ArrayList<>();
    for (int i = 1; i <= skipped; i++) {
      skippedRounds.add(round + i);
    }
    round += skipped + 1;
    if (absent != null) {
      // Rounds led by the absent validator, each ended by a timeout, then a round another leads.
      while (skippedRounds.size() < absentSlots || LeaderSchedule.leader(set, round).equals(absent)) {
        if (LeaderSchedule.leader(set, round).equals(absent) && skippedRounds.size() < absentSlots) {
          skippedRounds.add(round);
        }
        round++;
      }
      absent = null;
    }
    Address leader = LeaderSchedule.leader(set, round);
    BuiltBlock built = ledger.build(new BlockTemplate(parent.timestampMillis() + 1000, leader,
        round, skippedRounds, qc), txs, ev);
    Block block = built.block();
    if (!built.dropped().isEmpty() || block.transactions().size() != txs.size()
        || !built.result().receipts().stream().allMatch(r -> r.success())) {
      throw new AssertionError("the fixture's transactions must all be included and succeed");
    }
    try {
      if (Epochs.endsEpoch(block.header().number(), EPOCH_LENGTH)) {
        BlockHeader child = emptyChild(block.header(), set);
        ledger.commit(List.of(block), commitProof(set, child), List.of(child));
      } else {
        ledger.commit(List.of(block), commitProof(set, block.header()), List.of());
      }
    } catch (InvalidBlockException e) {
      throw new AssertionError("a built block must commit", e);
    }
  }

  private static VoteData voteOn(BlockHeader h) {
    long parentRound = h.parentQc().map(QuorumCertificate::round).orElse(0L);
    return new VoteData(CHAIN_ID, h.epoch(), h.round(), h.hash(), h.parentHash(), parentRound);
  }

  /** A QC on {@code vote} by every member of {@code set} but the last (when that is a quorum). */
  QuorumCertificate sign(ValidatorSet set, VoteData vote) {
    int[] all = IntStream.range(0, set.size()).toArray();
    int[] signers = set.size() >= 4 ? IntStream.range(0, set.size() - 1).toArray() : all;
    List<dev.bulwark.ledger.crypto.bls.BlsSignature> sigs = new ArrayList<>();
    for (int i : signers) {
      sigs.add(keyOf(set.get(i).address()).sign(vote));
    }
    QuorumCertificate qc = new QuorumCertificate(vote,
        dev.bulwark.ledger.crypto.bls.Bls.aggregate(sigs),
        dev.bulwark.ledger.chain.SignerBitmap.of(set.size(), signers));
    if (!set.hasQuorum(qc.signers())) {
      throw new AssertionError("fixture QC below quorum");
    }
    return qc;
  }

  /** The commit proof of {@code h}: a QC on a child of it in the next round. */
  private CommitProof commitProof(ValidatorSet set, BlockHeader h) {
    long parentRound = h.round();
    VoteData vote = new VoteData(CHAIN_ID, h.epoch(), parentRound + 1,
        Keccak.hash(h.hash().bytes()), h.hash(), parentRound);
    return new CommitProof(sign(set, vote));
  }

  /** An empty child certifying {@code parent}, as leaders build after an epoch-ending block. */
  private BlockHeader emptyChild(BlockHeader parent, ValidatorSet set) {
    round++;
    return parent.toBuilder().number(parent.number() + 1)
        .timestampMillis(parent.timestampMillis() + 1000).round(round)
        .skippedRounds(List.of()).gasUsed(0).transactionsRoot(ListRoot.EMPTY)
        .receiptsRoot(ListRoot.EMPTY).evidenceRoot(ListRoot.EMPTY)
        .parentQc(sign(set, voteOn(parent))).build();
  }

  TestValidator keyOf(Address address) {
    return validators.validators().stream().filter(v -> v.address().equals(address)).findFirst()
        .orElseThrow();
  }

  private SignedTransaction unstake() {
    TestValidator v = validators.get(UNSTAKER);
    long nonce = nonces.merge(v.address(), 1L, Long::sum) - 1;
    return TransactionSigner.sign(new DynamicFeeTransaction(BigInteger.valueOf(CHAIN_ID), nonce,
        BigInteger.ZERO, GWEI.multiply(BigInteger.TEN), 2 * params.stakingCallGas(),
        Optional.of(StakingModule.ADDRESS), BigInteger.ZERO,
        StakingFunction.UNSTAKE.encodeCall(UNSTAKED), List.of(), TransactionSignature.NONE),
        v.account());
  }

  /** Validator {@link #OFFENDER} voted for two blocks in round 2 of epoch 2. */
  private Evidence equivocation() {
    Hash parent = ledger.head().hash();
    VoteData a = new VoteData(CHAIN_ID, 2, 2, Keccak.hash(Bytes.of((byte) 1)), parent, 1);
    VoteData b = new VoteData(CHAIN_ID, 2, 2, Keccak.hash(Bytes.of((byte) 2)), parent, 1);
    evidence = validators.equivocation(OFFENDER, a, b);
    return evidence;
  }

  @Override
  public void close() {
    ledger.close();
  }
}
