package dev.bulwark.ledger.staking;

import dev.bulwark.ledger.state.Account;
import dev.bulwark.ledger.state.MutableState;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A map-backed {@link MutableState} test double with an undo journal for snapshots, standing in
 * for the real world state (built elsewhere) in the staking tests.
 */
final class InMemoryState implements MutableState {
  private record SlotKey(Address module, Bytes slot) {}

  private final Map<Address, Account> accounts = new HashMap<>();
  private final Map<SlotKey, Bytes> slots = new HashMap<>();
  private final List<Runnable> journal = new ArrayList<>();

  @Override
  public Account account(Address address) {
    return accounts.getOrDefault(address, Account.EMPTY);
  }

  @Override
  public Optional<Bytes> moduleSlot(Address module, Bytes slot) {
    return Optional.ofNullable(slots.get(new SlotKey(module, slot)));
  }

  @Override
  public void setAccount(Address address, Account account) {
    Account before = accounts.get(address);
    journal.add(() -> restore(accounts, address, before));
    if (account.isEmpty()) {
      accounts.remove(address);
    } else {
      accounts.put(address, account);
    }
  }

  @Override
  public void setModuleSlot(Address module, Bytes slot, Bytes value) {
    SlotKey key = new SlotKey(module, slot);
    Bytes before = slots.get(key);
    journal.add(() -> restore(slots, key, before));
    if (value == null) {
      slots.remove(key);
    } else {
      slots.put(key, value);
    }
  }

  private static <K, V> void restore(Map<K, V> map, K key, V before) {
    if (before == null) {
      map.remove(key);
    } else {
      map.put(key, before);
    }
  }

  @Override
  public int snapshot() {
    return journal.size();
  }

  @Override
  public void revertTo(int snapshot) {
    while (journal.size() > snapshot) {
      journal.remove(journal.size() - 1).run();
    }
  }

  /** Adds {@code amount} to the balance of {@code address}. */
  void credit(Address address, BigInteger amount) {
    setAccount(address, account(address).withBalanceDelta(amount));
  }

  /** Sum of all balances: the total supply. */
  BigInteger totalSupply() {
    return accounts.values().stream().map(Account::balance).reduce(BigInteger.ZERO, BigInteger::add);
  }

  /** A comparable copy of the whole content (accounts and slots). */
  Map<Object, Object> content() {
    Map<Object, Object> all = new HashMap<>(accounts);
    all.putAll(slots);
    return all;
  }

  /** Number of module slots set. */
  int slotCount() {
    return slots.size();
  }
}
