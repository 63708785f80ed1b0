package dev.bulwark.ledger.staking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.ledger.chain.Evidence;
import dev.bulwark.ledger.chain.ValidatorInfo;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.chain.VoteData;
import dev.bulwark.ledger.crypto.Keccak;
import dev.bulwark.ledger.crypto.bls.Bls;
import dev.bulwark.ledger.crypto.bls.BlsSecretKey;
import dev.bulwark.ledger.execution.CallOutcome;
import dev.bulwark.ledger.execution.InvalidBlockException;
import dev.bulwark.ledger.execution.Log;
import dev.bulwark.ledger.testkit.TestValidators.TestValidator;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random block sequences (seeded): calls of every kind with plausible and implausible arguments,
 * evidence (fresh and replayed), validators going down, epoch ends. After every call and block:
 * the module account holds exactly the bonded plus unbonding stake, no stake is negative, the
 * supply falls by exactly the slashed amounts, no offence is slashed twice, the set is never
 * empty.
 */
class StakingPropertyTest {
  private Random random;
  private StakingChain chain;
  private final List<Address> actors = new ArrayList<>();
  private final Map<Address, BlsSecretKey> blsKeys = new HashMap<>();
  private final Map<Address, Candidate> candidates = new java.util.TreeMap<>();
  private final Set<Hash> slashedOffences = new HashSet<>();
  private final List<Evidence> applied = new ArrayList<>();
  private final Map<String, Integer> seen = new HashMap<>();
  private long nextEvidenceRound = 1;
  private Address outage;
  private int outageLeft;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4})
  void invariantsHoldOverRandomBlocks(long seed) {
    random = new Random(seed);
    TestParams p = new TestParams();
    p.epochLengthBlocks = 30;
    p.inactivityWindowSlots = 12;
    p.inactivityThresholdSlots = 6;
    p.jailDurationBlocks = 5;
    p.unbondingPeriodBlocks = 45;
    chain = StakingChain.start(p, 4);
    for (TestValidator v : chain.validators.validators()) {
      actors.add(v.address());
      blsKeys.put(v.address(), v.bls().secretKey());
    }
    for (int i = 0; i < 3; i++) {
      Candidate c = Candidate.of((int) seed * 100 + i);
      candidates.put(c.address(), c);
      actors.add(c.address());
      blsKeys.put(c.address(), c.bls().secretKey());
      chain.fund(c.address(), StakingChain.FUNDS);
    }
    actors.add(TestParams.ADMIN);
    for (int block = 0; block < 240; block++) {
      runBlock();
    }
    assertThat(applied).as("the run exercised evidence").isNotEmpty();
    assertThat(seen).as("what the run exercised").containsKeys("REGISTER", "STAKE", "UNSTAKE",
        "WITHDRAW", "UNJAIL", "PERMIT", "REVOKE", "revert", "inactivity", "epoch");
  }

  private void runBlock() {
    BigInteger supplyBefore = chain.state.totalSupply();
    if (!applied.isEmpty() && random.nextInt(8) == 0) {
      Evidence replay = applied.get(random.nextInt(applied.size()));
      Map<Object, Object> before = chain.state.content();
      assertThatThrownBy(() -> chain.open(List.of(replay), Set.of()))
          .isInstanceOf(InvalidBlockException.class).hasMessageContaining("already applied");
      assertThat(chain.state.content()).isEqualTo(before);
    }
    List<Evidence> evidence = random.nextInt(10) == 0 ? freshEvidence() : List.of();
    try {
      chain.open(evidence, downValidators());
    } catch (InvalidBlockException e) {
      throw new AssertionError("fresh evidence rejected: " + e.getMessage(), e);
    }
    applied.addAll(evidence);
    int calls = random.nextInt(4);
    for (int i = 0; i < calls; i++) {
      randomCall();
      checkStakeInvariants();
    }
    if (chain.close().isPresent()) {
      seen.merge("epoch", 1, Integer::sum);
    }
    checkStakeInvariants();
    BigInteger slashed = BigInteger.ZERO;
    for (Log log : chain.blockLogs()) {
      if (log.topics().get(0).equals(StakingEvent.SLASHED.topic())) {
        List<Object> data = decode(log);
        slashed = slashed.add((BigInteger) data.get(1)).add((BigInteger) data.get(2));
        if (((Integer) data.get(0)) == SlashReason.INACTIVITY.code()) {
          seen.merge("inactivity", 1, Integer::sum);
        }
        Hash id = (Hash) data.get(3);
        if (!id.equals(Hash.ZERO)) {
          assertThat(slashedOffences.add(id)).as("offence %s slashed twice", id).isTrue();
        }
      }
    }
    assertThat(chain.state.totalSupply()).isEqualTo(supplyBefore.subtract(slashed));
    assertThat(chain.currentSet().size()).isPositive();
  }

  private static List<Object> decode(Log log) {
    try {
      return AbiCodec.decode(log.data(), StakingEvent.SLASHED.dataTypes());
    } catch (AbiDecodeException e) {
      throw new AssertionError(e);
    }
  }

  private void checkStakeInvariants() {
    StakingReader r = chain.reader();
    BigInteger held = BigInteger.ZERO;
    for (Address a : r.registry()) {
      ValidatorRecord v = r.validator(a).orElseThrow();
      assertThat(v.bonded()).isNotNegative();
      Unbonding u = r.unbonding(a);
      u.entries().forEach(e -> assertThat(e.amount()).isPositive());
      held = held.add(v.bonded()).add(u.total());
    }
    for (Address a : actors) {
      if (r.validator(a).isEmpty()) {
        assertThat(r.unbonding(a)).isEqualTo(Unbonding.NONE);
      }
    }
    assertThat(r.moduleBalance()).as("module balance = bonded + unbonding").isEqualTo(held);
  }

  /** Evidence of a new offence by a random member of the current set. */
  private List<Evidence> freshEvidence() {
    ValidatorSet set = chain.currentSet();
    ValidatorInfo offender = set.get(random.nextInt(set.size()));
    long round = nextEvidenceRound++;
    VoteData a = vote(set.epoch(), round, 0);
    VoteData b = vote(set.epoch(), round, 1);
    BlsSecretKey sk = blsKeys.get(offender.address());
    return List.of(Evidence.of(offender.address(), a, Bls.sign(sk, a.signingBytes().toArray()),
        b, Bls.sign(sk, b.signingBytes().toArray())));
  }

  private static VoteData vote(long epoch, long round, int which) {
    Hash id = Keccak.hash(Bytes.of((byte) which, (byte) round, (byte) (round >> 8)));
    return new VoteData(TestParams.CHAIN_ID, epoch, round, id, Hash.ZERO, round - 1);
  }

  /** Outages last a while (a validator down for one block never reaches any threshold). */
  private Set<Address> downValidators() {
    ValidatorSet set = chain.currentSet();
    if (outageLeft == 0 && random.nextInt(5) == 0) {
      outage = set.get(random.nextInt(set.size())).address();
      outageLeft = 10 + random.nextInt(50);
    }
    if (outageLeft == 0 || set.indexOf(outage).isEmpty() || set.size() == 1) {
      outageLeft = 0;
      return Set.of();
    }
    outageLeft--;
    return Set.of(outage);
  }

  private void randomCall() {
    Address sender = actors.get(random.nextInt(actors.size()));
    Address target = actors.get(random.nextInt(actors.size()));
    BigInteger bonded = chain.reader().validator(sender).map(ValidatorRecord::bonded).orElse(BigInteger.ZERO);
    BigInteger value = BigInteger.ZERO;
    Bytes data;
    switch (random.nextInt(9)) {
      case 0 -> {
        Candidate c = candidates.get(sender);
        data = c != null ? c.registerCall() : StakingFunction.REGISTER.encodeCall(Bytes.EMPTY, Bytes.EMPTY, Bytes.EMPTY);
        value = BigInteger.valueOf(500 + random.nextInt(8_000));
      }
      case 1 -> {
        data = StakingFunction.STAKE.encodeCall();
        value = BigInteger.valueOf(random.nextInt(3_000));
      }
      case 2, 3 -> data = StakingFunction.UNSTAKE.encodeCall(
          random.nextBoolean() ? bonded.add(BigInteger.ONE) : bonded.multiply(BigInteger.valueOf(random.nextInt(60)))
              .divide(BigInteger.valueOf(100)));
      case 4 -> data = StakingFunction.WITHDRAW.encodeCall();
      case 5 -> data = StakingFunction.UNJAIL.encodeCall();
      case 6 -> data = StakingFunction.PERMIT.encodeCall(random.nextBoolean()
          ? new ArrayList<>(candidates.keySet()).get(random.nextInt(candidates.size())) : target);
      case 7 -> data = StakingFunction.REVOKE.encodeCall(target);
      default -> {
        data = StakingFunction.VALIDATOR.encodeCall(target);
        value = random.nextInt(4) == 0 ? BigInteger.ONE : BigInteger.ZERO;
      }
    }
    BigInteger senderBefore = chain.state.account(sender).balance();
    CallOutcome out = chain.send(sender, value, data);
    StakingFunction f = StakingFunction.bySelector(data.slice(0, 4)).orElseThrow();
    seen.merge(out.success() ? f.name() : "revert", 1, Integer::sum);
    if (!out.success()) {
      assertThat(chain.state.account(sender).balance()).isEqualTo(senderBefore);
    } else if (f.mutability() != StakingFunction.Mutability.VIEW) {
      assertThat(out.logs()).isNotEmpty();
    }
  }
}
