package dev.bulwark.ledger.staking;

import dev.bulwark.ledger.chain.Evidence;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.crypto.bls.SignatureScheme;
import dev.bulwark.ledger.execution.BlockContext;
import dev.bulwark.ledger.execution.CallOutcome;
import dev.bulwark.ledger.execution.ChainParams;
import dev.bulwark.ledger.execution.GenesisSpec;
import dev.bulwark.ledger.execution.InvalidBlockException;
import dev.bulwark.ledger.execution.Log;
import dev.bulwark.ledger.execution.SystemModule;
import dev.bulwark.ledger.staking.StakingCalls.Result;
import dev.bulwark.ledger.state.MutableState;
import dev.bulwark.ledger.state.StateReader;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The staking system module at {@code 0x…1000}: validator registration, stake, unstake,
 * withdraw, unjail and admin permissions called with Solidity-ABI data; evidence slashing and
 * inactivity jailing before each block's transactions; the next validator set at each epoch's
 * end. The ABI, gas, revert reasons, events and slot layout are documented in ledger/STAKING.md.
 *
 * <p>The module holds no mutable state of its own (only a decode cache), so one instance serves
 * block execution and eth_call concurrently.
 */
public final class StakingModule implements SystemModule {
  /** The module's address. */
  public static final Address ADDRESS = Address.fromHex("0x0000000000000000000000000000000000001000");

  private final ChainParams params;
  private final EpochEntryCache cache = new EpochEntryCache();
  private final StakingCalls calls;
  private final StakingViews views;
  private final EvidenceProcessor evidence;
  private final InactivityTracker inactivity;
  private final EpochTransition epochs;

  /** The module for a chain with {@code params}, verifying evidence with real BLS. */
  public StakingModule(ChainParams params) {
    this(params, SignatureScheme.BLS);
  }

  /** As {@link #StakingModule(ChainParams)}, verifying evidence with {@code scheme} (simulation). */
  public StakingModule(ChainParams params, SignatureScheme scheme) {
    this.params = params;
    Slasher slasher = new Slasher(params.jailDurationBlocks());
    this.calls = new StakingCalls(params);
    this.views = new StakingViews(params);
    this.evidence = new EvidenceProcessor(
        params.maxEvidenceAgeBlocks(), params.equivocationSlashBps(), slasher, scheme);
    this.inactivity = new InactivityTracker(params.inactivityWindowSlots(),
        params.inactivityThresholdSlots(), params.inactivitySlashBps(), slasher);
    this.epochs = new EpochTransition(params);
  }

  @Override
  public Address address() {
    return ADDRESS;
  }

  /**
   * Every call costs {@code params.stakingCallGas} on top of its intrinsic gas, whatever its data
   * (the executor adds the two; see STAKING.md).
   */
  @Override
  public long gasCost(Bytes data) {
    return params.stakingCallGas();
  }

  @Override
  public CallOutcome call(
      BlockContext block, Address sender, BigInteger value, Bytes data, MutableState state) {
    StakingWriter w = new StakingWriter(state, cache);
    try {
      Invocation inv = Invocation.decode(data);
      inv.requireValue(value);
      if (inv.function().mutability() == StakingFunction.Mutability.VIEW) {
        return CallOutcome.success(views.run(inv.function(), inv.args(), w), List.of());
      }
      Result r = execute(inv, block, sender, value, w);
      return CallOutcome.success(r.returnData(), r.logs());
    } catch (Revert r) {
      return CallOutcome.revert(r.reason());
    }
  }

  private Result execute(Invocation inv, BlockContext block, Address sender, BigInteger value,
      StakingWriter w) throws Revert {
    List<Object> a = inv.args();
    return switch (inv.function()) {
      case REGISTER -> calls.register(w, sender, value, (Bytes) a.get(0), (Bytes) a.get(1), (Bytes) a.get(2));
      case STAKE -> calls.stake(w, sender, value);
      case UNSTAKE -> calls.unstake(w, sender, block.number(), (BigInteger) a.get(0));
      case WITHDRAW -> calls.withdraw(w, sender, block.number());
      case UNJAIL -> calls.unjail(w, sender, block.number());
      case PERMIT -> calls.permit(w, sender, (Address) a.get(0));
      case REVOKE -> calls.revoke(w, sender, (Address) a.get(0));
      default -> throw new IllegalStateException(inv.function() + " is a view");
    };
  }

  /** Runs a view function; any other function reverts with "not a view function". */
  @Override
  public CallOutcome view(Address sender, Bytes data, StateReader state) {
    try {
      Invocation inv = Invocation.decode(data);
      if (inv.function().mutability() != StakingFunction.Mutability.VIEW) {
        throw new Revert("not a view function");
      }
      return CallOutcome.success(
          views.run(inv.function(), inv.args(), new StakingReader(state, cache)), List.of());
    } catch (Revert r) {
      return CallOutcome.revert(r.reason());
    }
  }

  /**
   * Checks that the block belongs to the epoch in progress, then applies the block's evidence
   * (slash and jail; inadmissible evidence invalidates the block) and records its leader slots
   * (inactivity).
   */
  @Override
  public List<Log> beforeTransactions(BlockContext block, List<Evidence> evidenceList,
      MutableState state) throws InvalidBlockException {
    StakingWriter w = new StakingWriter(state, cache);
    EpochEntry current = w.currentEpoch();
    if (block.epoch() != current.epoch()) {
      throw new InvalidBlockException("block " + block.number() + " claims epoch " + block.epoch()
          + ", but epoch " + current.epoch() + " is in progress");
    }
    List<Log> logs = new ArrayList<>(evidence.apply(block, evidenceList, w));
    logs.addAll(inactivity.apply(block, current.set(), w));
    return logs;
  }

  /** At an epoch-ending block, computes, stores and returns the next epoch's validator set. */
  @Override
  public Optional<ValidatorSet> afterTransactions(
      BlockContext block, MutableState state, List<Log> logsOut) {
    if (!epochs.endsEpoch(block.number())) {
      return Optional.empty();
    }
    return Optional.of(epochs.advance(block.number(), new StakingWriter(state, cache), logsOut));
  }

  @Override
  public void initializeGenesis(GenesisSpec genesis, MutableState state) {
    StakingGenesis.initialize(genesis, new StakingWriter(state, cache));
  }

  @Override
  public ValidatorSet currentValidatorSet(StateReader state) {
    return reader(state).currentEpoch().set();
  }

  /** The set the next epoch would get if the epoch in progress ended at {@code state}. */
  public ValidatorSet projectedNextValidatorSet(StateReader state) {
    return views.nextSet(reader(state));
  }

  /** Typed read access to the staking state in {@code state} (RPC, explorer). */
  public StakingReader reader(StateReader state) {
    return new StakingReader(state, cache);
  }

  /** The chain parameters the module runs with. */
  public ChainParams params() {
    return params;
  }
}
