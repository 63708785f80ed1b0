package dev.bulwark.ledger.staking;

import dev.bulwark.ledger.chain.Evidence;
import dev.bulwark.ledger.chain.LeaderSchedule;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.chain.VoteData;
import dev.bulwark.ledger.crypto.Keccak;
import dev.bulwark.ledger.execution.BlockContext;
import dev.bulwark.ledger.execution.CallOutcome;
import dev.bulwark.ledger.execution.ChainParams;
import dev.bulwark.ledger.execution.GenesisSpec;
import dev.bulwark.ledger.execution.InvalidBlockException;
import dev.bulwark.ledger.execution.Log;
import dev.bulwark.ledger.testkit.TestValidators;
import dev.bulwark.ledger.testkit.TestValidators.TestValidator;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A miniature executor around the staking module for tests: it runs the block hooks, moves a
 * call's value to the module before the call and rolls back a reverted call, as the real
 * executor does, and keeps rounds and leaders consistent with {@link LeaderSchedule}.
 */
final class StakingChain {
  static final BigInteger GENESIS_STAKE = BigInteger.valueOf(10_000);
  static final BigInteger FUNDS = BigInteger.TEN.pow(30);

  final ChainParams params;
  final StakingModule module;
  final InMemoryState state = new InMemoryState();
  final TestValidators validators;
  private long number;
  private long round;
  private long roundEpoch = 1;
  private BlockContext open;
  private final List<Log> blockLogs = new ArrayList<>();

  private StakingChain(ChainParams params, TestValidators validators) {
    this.params = params;
    this.module = new StakingModule(params);
    this.validators = validators;
  }

  /** A chain whose genesis bonds {@code validators} with their voting power as stake. */
  static StakingChain start(TestParams p, TestValidators validators) {
    StakingChain c = new StakingChain(p.build(), validators);
    List<GenesisSpec.Validator> gv = validators.validators().stream()
        .map(v -> new GenesisSpec.Validator(v.address(), v.bls().publicKey(), v.nodePublicKey(),
            v.votingPower()))
        .toList();
    GenesisSpec spec = new GenesisSpec(c.params, 0, Map.of(), gv);
    c.module.initializeGenesis(spec, c.state);
    for (TestValidator v : validators.validators()) {
      c.fund(v.address(), FUNDS);
    }
    c.fund(TestParams.ADMIN, FUNDS);
    return c;
  }

  /** A chain of {@code n} validators with {@link #GENESIS_STAKE} each. */
  static StakingChain start(TestParams p, int n) {
    return start(p, TestValidators.withPowers(7, java.util.Collections.nCopies(n, GENESIS_STAKE)));
  }

  void fund(Address a, BigInteger amount) {
    state.credit(a, amount);
  }

  StakingReader reader() {
    return module.reader(state);
  }

  ValidatorSet currentSet() {
    return module.currentValidatorSet(state);
  }

  /** Number of the last closed block. */
  long number() {
    return number;
  }

  /** The open block's context. */
  BlockContext context() {
    return open;
  }

  /** Logs of the open (or last closed) block: hooks' and successful calls'. */
  List<Log> blockLogs() {
    return List.copyOf(blockLogs);
  }

  /**
   * Opens the next block: rounds whose leader is in {@code down} time out (skipped), the first
   * other leader proposes. An invalid block leaves the state as it was.
   */
  List<Log> open(List<Evidence> evidence, Set<Address> down) throws InvalidBlockException {
    if (open != null) {
      throw new IllegalStateException("block already open");
    }
    ValidatorSet set = currentSet();
    if (set.epoch() != roundEpoch) {
      roundEpoch = set.epoch();
      round = 0;
    }
    List<Long> skipped = new ArrayList<>();
    long r = round + 1;
    while (down.contains(LeaderSchedule.leader(set, r))) {
      skipped.add(r++);
      if (skipped.size() > 100_000) {
        throw new IllegalStateException("every leader is down");
      }
    }
    BlockContext ctx = new BlockContext(TestParams.CHAIN_ID, number + 1, set.epoch(), r,
        (number + 1) * 250, LeaderSchedule.leader(set, r), BigInteger.ONE, skipped);
    int snapshot = state.snapshot();
    try {
      List<Log> logs = module.beforeTransactions(ctx, evidence, state);
      blockLogs.clear();
      blockLogs.addAll(logs);
      open = ctx;
      round = r;
      return logs;
    } catch (InvalidBlockException e) {
      state.revertTo(snapshot);
      throw e;
    }
  }

  /** Opens a block without evidence or downtime. */
  List<Log> open() {
    try {
      return open(List.of(), Set.of());
    } catch (InvalidBlockException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Executes a call in the open block as the executor would. */
  CallOutcome send(Address from, BigInteger value, Bytes data) {
    if (open == null) {
      throw new IllegalStateException("no open block");
    }
    int snapshot = state.snapshot();
    state.setAccount(from, state.account(from).withBalanceDelta(value.negate()));
    state.credit(StakingModule.ADDRESS, value);
    CallOutcome out = module.call(open, from, value, data, state);
    if (out.success()) {
      blockLogs.addAll(out.logs());
    } else {
      state.revertTo(snapshot);
    }
    return out;
  }

  /** Closes the open block; returns the next epoch's set at an epoch end. */
  Optional<ValidatorSet> close() {
    List<Log> logs = new ArrayList<>();
    Optional<ValidatorSet> next = module.afterTransactions(open, state, logs);
    blockLogs.addAll(logs);
    number = open.number();
    open = null;
    return next;
  }

  /** One block holding one call. */
  CallOutcome call(Address from, BigInteger value, Bytes data) {
    open();
    CallOutcome out = send(from, value, data);
    close();
    return out;
  }

  /** One block holding one call without value. */
  CallOutcome call(Address from, Bytes data) {
    return call(from, BigInteger.ZERO, data);
  }

  /** A block with {@code evidence} and nothing else; returns its hook logs. */
  List<Log> blockWithEvidence(Evidence... evidence) throws InvalidBlockException {
    List<Log> logs = open(List.of(evidence), Set.of());
    close();
    return logs;
  }

  /** Empty blocks until block {@code target} is closed. */
  void advanceTo(long target) {
    while (number < target) {
      open();
      close();
    }
  }

  /** A view call against the current state. */
  CallOutcome view(Bytes data) {
    return module.view(Address.fromHex("0x00000000000000000000000000000000000000ee"), data, state);
  }

  /** Evidence that genesis validator {@code index} voted for two blocks in one round. */
  Evidence equivocation(int index, long epoch, long evidenceRound) {
    VoteData a = vote(epoch, evidenceRound, "a");
    VoteData b = vote(epoch, evidenceRound, "b");
    return validators.equivocation(index, a, b);
  }

  private static VoteData vote(long epoch, long round, String block) {
    Hash id = Keccak.hash(Bytes.of((block + epoch + ":" + round).getBytes()));
    return new VoteData(TestParams.CHAIN_ID, epoch, round, id, Hash.ZERO, round - 1);
  }
}
