package dev.bulwark.ledger.state;

import dev.bulwark.ledger.state.merkle.MerkleStateTree;
import dev.bulwark.ledger.storage.WriteBatch;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.util.Optional;

/**
 * Read-only state at one root (a committed block's, for RPC and the mempool, or an executed but
 * uncommitted block's when {@code pending} holds its staged nodes). Safe for concurrent readers:
 * nodes are immutable and content-addressed.
 */
public final class CommittedState implements StateReader {
  private final MerkleStateTree tree;
  private final Hash root;
  private final WriteBatch pending;

  /** The state at committed {@code root}. */
  public CommittedState(MerkleStateTree tree, Hash root) {
    this(tree, root, null);
  }

  /** The state at {@code root}, reading nodes staged in {@code pending} (may be null). */
  public CommittedState(MerkleStateTree tree, Hash root, WriteBatch pending) {
    this.tree = tree;
    this.root = root;
    this.pending = pending;
  }

  /** The state root read from. */
  public Hash root() {
    return root;
  }

  @Override
  public Account account(Address address) {
    return tree.get(root, StateKeys.account(address), pending)
        .map(AccountCodec::decode)
        .orElse(Account.EMPTY);
  }

  @Override
  public Optional<Bytes> moduleSlot(Address module, Bytes slot) {
    return tree.get(root, StateKeys.moduleSlot(module, slot), pending);
  }
}
