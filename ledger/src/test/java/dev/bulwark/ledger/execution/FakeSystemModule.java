package dev.bulwark.ledger.execution;

import dev.bulwark.ledger.chain.Evidence;
import dev.bulwark.ledger.chain.ValidatorInfo;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.crypto.Keccak;
import dev.bulwark.ledger.state.MutableState;
import dev.bulwark.ledger.state.StateReader;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A small deterministic stand-in for the staking module. Calls (first data byte): 0x01 deposit the
 * value, 0x02 withdraw the deposit, 0x03 burn {@code uint256} of the deposit (destroying it),
 * anything else reverts. Evidence against a genesis validator is applied once (marked in state) and
 * burns {@link #PENALTY} of the module's balance; other evidence makes the block invalid. Skipped
 * rounds give a block-level log; an epoch-ending block moves the epoch slot and returns the genesis
 * validators as the next set. Every burn emits a {@link #BURNED} log whose data is the amount, so
 * tests can account for the supply.
 */
public final class FakeSystemModule implements SystemModule {
  /** The module's address, where the staking module lives. */
  public static final Address ADDRESS =
      Address.fromHex("0x0000000000000000000000000000000000001000");

  /** Gas of every call beyond the intrinsic gas. */
  public static final long CALL_GAS = 40_000;

  /** Amount burned from the module's balance per applied evidence. */
  public static final BigInteger PENALTY = BigInteger.valueOf(1_000_000);

  public static final Hash DEPOSITED = topic("Deposited");
  public static final Hash WITHDRAWN = topic("Withdrawn");
  public static final Hash BURNED = topic("Burned");
  public static final Hash SLASHED = topic("Slashed");
  public static final Hash SKIPPED = topic("Skipped");
  public static final Hash EPOCH_ENDED = topic("EpochEnded");

  private static final Bytes EPOCH_SLOT = slot("epoch");
  private final List<ValidatorInfo> validators;
  private final long epochLength;

  /**
   * A module whose validator sets are always {@code validators}, for epochs of {@code epochLength}.
   */
  public FakeSystemModule(List<ValidatorInfo> validators, long epochLength) {
    this.validators = List.copyOf(validators);
    this.epochLength = epochLength;
  }

  private static Hash topic(String name) {
    return Keccak.hash(name.getBytes(StandardCharsets.US_ASCII));
  }

  private static Bytes slot(String name) {
    return Bytes.of(name.getBytes(StandardCharsets.US_ASCII));
  }

  private static Bytes depositSlot(Address a) {
    return slot("deposit:").concat(a.bytes());
  }

  private static Bytes word(BigInteger v) {
    byte[] out = new byte[32];
    byte[] b = v.toByteArray();
    int len = Math.min(b.length, 32);
    System.arraycopy(b, b.length - len, out, 32 - len, len);
    return Bytes.of(out);
  }

  private static BigInteger read(StateReader state, Bytes slot) {
    return state
        .moduleSlot(ADDRESS, slot)
        .map(b -> new BigInteger(1, b.toArray()))
        .orElse(BigInteger.ZERO);
  }

  private static void write(MutableState state, Bytes slot, BigInteger v) {
    state.setModuleSlot(ADDRESS, slot, v.signum() == 0 ? null : word(v));
  }

  private static Hash addressTopic(Address a) {
    return new Hash(Bytes.of(new byte[12]).concat(a.bytes()));
  }

  /** The amount a {@link #BURNED} log records. */
  public static BigInteger burnedAmount(Log log) {
    return log.topics().get(0).equals(BURNED)
        ? new BigInteger(1, log.data().toArray())
        : BigInteger.ZERO;
  }

  /** Call data burning {@code amount} of the sender's deposit. */
  public static Bytes burnCall(BigInteger amount) {
    return Bytes.of((byte) 3).concat(word(amount));
  }

  @Override
  public Address address() {
    return ADDRESS;
  }

  @Override
  public long gasCost(Bytes data) {
    return CALL_GAS;
  }

  @Override
  public CallOutcome call(
      BlockContext block, Address sender, BigInteger value, Bytes data, MutableState state) {
    int op = data.isEmpty() ? 0 : data.get(0);
    Bytes slot = depositSlot(sender);
    BigInteger deposit = read(state, slot);
    switch (op) {
      case 1 -> {
        write(state, slot, deposit.add(value));
        return CallOutcome.success(
            Bytes.EMPTY,
            List.of(new Log(ADDRESS, List.of(DEPOSITED, addressTopic(sender)), word(value))));
      }
      case 2 -> {
        if (deposit.signum() == 0) {
          return CallOutcome.revert("nothing to withdraw");
        }
        write(state, slot, BigInteger.ZERO);
        move(state, ADDRESS, sender, deposit);
        return CallOutcome.success(
            Bytes.EMPTY,
            List.of(new Log(ADDRESS, List.of(WITHDRAWN, addressTopic(sender)), word(deposit))));
      }
      case 3 -> {
        BigInteger amount =
            data.size() == 33 ? new BigInteger(1, data.slice(1, 33).toArray()) : null;
        if (amount == null || amount.compareTo(deposit) > 0) {
          return CallOutcome.revert("burn exceeds deposit");
        }
        write(state, slot, deposit.subtract(amount));
        burn(state, amount);
        return CallOutcome.success(
            Bytes.EMPTY,
            List.of(new Log(ADDRESS, List.of(BURNED, addressTopic(sender)), word(amount))));
      }
      default -> {
        return CallOutcome.revert("unknown call");
      }
    }
  }

  private static void move(MutableState state, Address from, Address to, BigInteger amount) {
    state.setAccount(from, state.account(from).withBalanceDelta(amount.negate()));
    state.setAccount(to, state.account(to).withBalanceDelta(amount));
  }

  private static void burn(MutableState state, BigInteger amount) {
    state.setAccount(ADDRESS, state.account(ADDRESS).withBalanceDelta(amount.negate()));
  }

  @Override
  public CallOutcome view(Address sender, Bytes data, StateReader state) {
    return CallOutcome.success(word(read(state, depositSlot(sender))), List.of());
  }

  @Override
  public List<Log> beforeTransactions(
      BlockContext block, List<Evidence> evidence, MutableState state)
      throws InvalidBlockException {
    List<Log> logs = new ArrayList<>();
    for (Evidence e : evidence) {
      if (validators.stream().noneMatch(v -> v.address().equals(e.validator()))) {
        throw new InvalidBlockException("evidence against " + e.validator() + ", not a validator");
      }
      Bytes applied = slot("applied:").concat(e.id().bytes());
      if (state.moduleSlot(ADDRESS, applied).isPresent()) {
        throw new InvalidBlockException("evidence " + e.id() + " already applied");
      }
      state.setModuleSlot(ADDRESS, applied, Bytes.of((byte) 1));
      BigInteger amount = PENALTY.min(state.account(ADDRESS).balance());
      burn(state, amount);
      logs.add(new Log(ADDRESS, List.of(SLASHED, addressTopic(e.validator())), Bytes.EMPTY));
      logs.add(new Log(ADDRESS, List.of(BURNED, addressTopic(e.validator())), word(amount)));
    }
    if (!block.skippedRounds().isEmpty()) {
      logs.add(
          new Log(
              ADDRESS, List.of(SKIPPED), word(BigInteger.valueOf(block.skippedRounds().size()))));
    }
    return logs;
  }

  @Override
  public Optional<ValidatorSet> afterTransactions(
      BlockContext block, MutableState state, List<Log> logsOut) {
    if (!Epochs.endsEpoch(block.number(), epochLength)) {
      return Optional.empty();
    }
    BigInteger next = read(state, EPOCH_SLOT).add(BigInteger.ONE);
    write(state, EPOCH_SLOT, next);
    logsOut.add(new Log(ADDRESS, List.of(EPOCH_ENDED), word(next)));
    return Optional.of(new ValidatorSet(next.longValueExact(), validators));
  }

  @Override
  public void initializeGenesis(GenesisSpec genesis, MutableState state) {
    BigInteger stake = BigInteger.ZERO;
    for (GenesisSpec.Validator v : genesis.validators()) {
      stake = stake.add(v.stake());
    }
    state.setAccount(ADDRESS, state.account(ADDRESS).withBalanceDelta(stake));
    write(state, EPOCH_SLOT, BigInteger.ONE);
  }

  @Override
  public ValidatorSet currentValidatorSet(StateReader state) {
    return new ValidatorSet(read(state, EPOCH_SLOT).longValueExact(), validators);
  }
}
