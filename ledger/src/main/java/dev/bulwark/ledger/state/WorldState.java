package dev.bulwark.ledger.state;

import dev.bulwark.ledger.state.merkle.MerkleStateTree;
import dev.bulwark.ledger.storage.WriteBatch;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The state a block changes: reads go through this block's changes to the tree at a base root (and
 * to the nodes staged in {@code nodes}, e.g. by an executed but uncommitted parent); writes are
 * kept in memory with an undo journal for {@link #snapshot()}/{@link #revertTo(int)}, and {@link
 * #commit()} applies them to the tree in one batched update, staging the new nodes.
 *
 * <p>Accounts are cached decoded, so a block's many touches of one account (sender, proposer) cost
 * one tree read and one encoding. Not thread-safe: one block's execution owns it.
 */
public final class WorldState implements MutableState {
  private final MerkleStateTree tree;
  private final Hash baseRoot;
  private final WriteBatch nodes;
  private final WriteBatch
      readThrough; // null when no uncommitted node exists: skips a map lookup per read
  private final Map<Address, Account> accounts = new HashMap<>();
  private final Map<Address, Hash> accountKeys =
      new HashMap<>(); // one keccak per address and block
  private final Map<Hash, Optional<Bytes>> slots = new HashMap<>();
  private final Set<Address> dirtyAccounts = new LinkedHashSet<>();
  private final Set<Hash> dirtySlots = new LinkedHashSet<>();
  private final List<Undo> journal = new ArrayList<>();
  private boolean committed;

  /** One undoable write: the value before it and whether the key was already dirty. */
  private sealed interface Undo {}

  private record AccountUndo(Address address, Account before, boolean wasDirty) implements Undo {}

  private record SlotUndo(Hash key, Optional<Bytes> before, boolean wasDirty) implements Undo {}

  /**
   * The state at {@code baseRoot}; {@code nodes} must hold any uncommitted nodes that root needs
   * and receives the nodes {@link #commit()} creates.
   */
  public WorldState(MerkleStateTree tree, Hash baseRoot, WriteBatch nodes) {
    this.tree = tree;
    this.baseRoot = baseRoot;
    this.nodes = nodes;
    this.readThrough = nodes.isEmpty() ? null : nodes;
  }

  /** The root this state started from. */
  public Hash baseRoot() {
    return baseRoot;
  }

  @Override
  public Account account(Address address) {
    Account cached = accounts.get(address);
    if (cached != null) {
      return cached;
    }
    Account loaded =
        tree.get(baseRoot, accountKey(address), readThrough)
            .map(AccountCodec::decode)
            .orElse(Account.EMPTY);
    accounts.put(address, loaded);
    return loaded;
  }

  private Hash accountKey(Address address) {
    return accountKeys.computeIfAbsent(address, StateKeys::account);
  }

  @Override
  public Optional<Bytes> moduleSlot(Address module, Bytes slot) {
    return slotValue(StateKeys.moduleSlot(module, slot));
  }

  private Optional<Bytes> slotValue(Hash key) {
    Optional<Bytes> cached = slots.get(key);
    if (cached != null) {
      return cached;
    }
    Optional<Bytes> loaded = tree.get(baseRoot, key, readThrough);
    slots.put(key, loaded);
    return loaded;
  }

  @Override
  public void setAccount(Address address, Account account) {
    ensureOpen();
    Account before = account(address);
    journal.add(new AccountUndo(address, before, !dirtyAccounts.add(address)));
    accounts.put(address, account);
  }

  @Override
  public void setModuleSlot(Address module, Bytes slot, Bytes value) {
    ensureOpen();
    Hash key = StateKeys.moduleSlot(module, slot);
    Optional<Bytes> before = slotValue(key);
    journal.add(new SlotUndo(key, before, !dirtySlots.add(key)));
    slots.put(key, Optional.ofNullable(value));
  }

  @Override
  public int snapshot() {
    return journal.size();
  }

  @Override
  public void revertTo(int snapshot) {
    ensureOpen();
    if (snapshot < 0 || snapshot > journal.size()) {
      throw new IllegalArgumentException(
          "snapshot " + snapshot + " is not in 0.." + journal.size());
    }
    for (int i = journal.size() - 1; i >= snapshot; i--) {
      Undo undo = journal.remove(i);
      if (undo instanceof AccountUndo a) {
        accounts.put(a.address(), a.before());
        if (!a.wasDirty()) {
          dirtyAccounts.remove(a.address());
        }
      } else if (undo instanceof SlotUndo s) {
        slots.put(s.key(), s.before());
        if (!s.wasDirty()) {
          dirtySlots.remove(s.key());
        }
      }
    }
  }

  /**
   * Applies every change to the tree, stages the new nodes in the batch given at construction and
   * returns the new state root. The state is then frozen: further writes fail.
   */
  public Hash commit() {
    ensureOpen();
    committed = true;
    Map<Hash, Bytes> changes = new HashMap<>(2 * (dirtyAccounts.size() + dirtySlots.size()));
    for (Address address : dirtyAccounts) {
      Account account = accounts.get(address);
      changes.put(accountKey(address), account.isEmpty() ? null : AccountCodec.encode(account));
    }
    for (Hash key : dirtySlots) {
      changes.put(key, slots.get(key).orElse(null));
    }
    journal.clear();
    return tree.update(baseRoot, changes, nodes);
  }

  /** The batch holding the staged nodes. */
  public WriteBatch nodes() {
    return nodes;
  }

  private void ensureOpen() {
    if (committed) {
      throw new IllegalStateException("state already committed");
    }
  }
}
