package dev.bulwark.ledger.bench;

import dev.bulwark.ledger.chain.Evidence;
import dev.bulwark.ledger.chain.ValidatorInfo;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.execution.BlockContext;
import dev.bulwark.ledger.execution.CallOutcome;
import dev.bulwark.ledger.execution.Epochs;
import dev.bulwark.ledger.execution.GenesisSpec;
import dev.bulwark.ledger.execution.Log;
import dev.bulwark.ledger.execution.SystemModule;
import dev.bulwark.ledger.state.MutableState;
import dev.bulwark.ledger.state.StateReader;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * The system module of the transfer benchmark: fixed validators, no staking state, no hooks. The
 * benchmark measures plain transfers, which never call the module; it only has to exist.
 */
final class BenchSystemModule implements SystemModule {
  static final Address ADDRESS = Address.fromHex("0x0000000000000000000000000000000000001000");

  private final List<ValidatorInfo> validators;
  private final long epochLength;

  BenchSystemModule(GenesisSpec genesis) {
    this.validators =
        genesis.validators().stream()
            .map(
                v -> new ValidatorInfo(v.address(), v.blsPublicKey(), v.nodePublicKey(), v.stake()))
            .sorted((a, b) -> a.address().compareTo(b.address()))
            .toList();
    this.epochLength = genesis.params().epochLengthBlocks();
  }

  @Override
  public Address address() {
    return ADDRESS;
  }

  @Override
  public long gasCost(Bytes data) {
    return 0;
  }

  @Override
  public CallOutcome call(
      BlockContext block, Address sender, BigInteger value, Bytes data, MutableState state) {
    return CallOutcome.revert("the benchmark has no system module");
  }

  @Override
  public CallOutcome view(Address sender, Bytes data, StateReader state) {
    return CallOutcome.revert("the benchmark has no system module");
  }

  @Override
  public List<Log> beforeTransactions(
      BlockContext block, List<Evidence> evidence, MutableState state) {
    return List.of();
  }

  @Override
  public Optional<ValidatorSet> afterTransactions(
      BlockContext block, MutableState state, List<Log> logsOut) {
    return Epochs.endsEpoch(block.number(), epochLength)
        ? Optional.of(validatorSet(block.epoch() + 1))
        : Optional.empty();
  }

  @Override
  public void initializeGenesis(GenesisSpec genesis, MutableState state) {
    // no module state
  }

  @Override
  public ValidatorSet currentValidatorSet(StateReader state) {
    return validatorSet(1);
  }

  /** The (unchanging) validators as the set of {@code epoch}. */
  ValidatorSet validatorSet(long epoch) {
    return new ValidatorSet(epoch, validators);
  }
}
