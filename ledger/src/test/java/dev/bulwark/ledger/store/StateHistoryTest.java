package dev.bulwark.ledger.store;

import static dev.bulwark.ledger.execution.ChainFixture.GWEI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.execution.BuiltBlock;
import dev.bulwark.ledger.execution.ChainFixture;
import dev.bulwark.ledger.execution.FakeSystemModule;
import dev.bulwark.ledger.execution.GenesisBlock;
import dev.bulwark.ledger.execution.InvalidBlockException;
import dev.bulwark.ledger.state.merkle.MissingNodeException;
import dev.bulwark.ledger.state.merkle.TreeNodes;
import dev.bulwark.ledger.storage.Durability;
import dev.bulwark.ledger.storage.InMemoryStore;
import dev.bulwark.ledger.storage.KeyPrefix;
import dev.bulwark.ledger.storage.KeyValueCursor;
import dev.bulwark.ledger.storage.KeyValueStore;
import dev.bulwark.ledger.storage.StorageException;
import dev.bulwark.ledger.storage.WriteBatch;
import dev.bulwark.ledger.tx.SignedTransaction;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The state-history window: every kept state whole (walked node by node from the store), the
 * store holding nothing else but the pinned epoch proofs, older states answering a missing node,
 * and the same after a restart or a commit that never reached the store. The workload brings a
 * module slot (and the module's balance) back to an earlier value every third block, so the same
 * leaves are added again after being made stale.
 */
class StateHistoryTest {
  private static final int KEEP = 5;
  private static final int USERS = 8;
  private static final long EPOCH = 10;

  private final ChainFixture f = new ChainFixture(USERS, EPOCH, 30_000_000L);
  private final long[] nonces = new long[USERS];
  private final List<Hash> roots = new ArrayList<>();

  @Test
  void keepsTheWindowWholeAndNothingElseButEpochProofs() throws Exception {
    InMemoryStore archiveStore = new InMemoryStore();
    InMemoryStore prunedStore = new InMemoryStore();
    try (Ledger archive = open(archiveStore, 0); Ledger pruned = open(prunedStore, KEEP)) {
      roots.add(archive.head().stateRoot());
      for (int b = 1; b <= 3 * EPOCH + 5; b++) {
        Block block = LedgerSteps.advance(archive, f, workload(b));
        pruned.commit(block, f.commitProof(block.header()));
        roots.add(block.header().stateRoot());
        assertWindow(archiveStore, prunedStore, b);
      }
      assertThat(nodeCount(prunedStore)).isLessThan(nodeCount(archiveStore) / 2);
      for (int k = 0; k < roots.size() - KEEP - 4; k++) {
        Hash root = roots.get(k);
        assertThatThrownBy(() -> pruned.chain().stateTree().get(root, anyKey(archiveStore, root)))
            .as("state of pruned block %d", k)
            .isInstanceOf(MissingNodeException.class);
      }
    }
  }

  @Test
  void aCommitOfSeveralBlocksPrunesAsMany() throws Exception {
    InMemoryStore archiveStore = new InMemoryStore();
    InMemoryStore prunedStore = new InMemoryStore();
    try (Ledger archive = open(archiveStore, 0); Ledger pruned = open(prunedStore, 2)) {
      roots.add(archive.head().stateRoot());
      for (int round = 0; round < 6; round++) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          Block block = LedgerSteps.advance(archive, f, workload(roots.size()));
          blocks.add(block);
          roots.add(block.header().stateRoot());
        }
        pruned.commit(blocks, f.commitProof(blocks.get(2).header()), List.of());
        assertWindow(archiveStore, prunedStore, roots.size() - 1, 2);
      }
    }
  }

  @Test
  void aRestartAndALostCommitLeaveTheWindowWhole() throws Exception {
    InMemoryStore archiveStore = new InMemoryStore();
    InMemoryStore prunedStore = new InMemoryStore();
    FailingStore failing = new FailingStore(prunedStore);
    try (Ledger archive = open(archiveStore, 0)) {
      roots.add(archive.head().stateRoot());
      List<Block> blocks = new ArrayList<>();
      for (int b = 1; b <= 24; b++) {
        Block block = LedgerSteps.advance(archive, f, workload(b));
        blocks.add(block);
        roots.add(block.header().stateRoot());
      }
      Ledger first = open(failing, KEEP);
      for (int b = 1; b <= 12; b++) {
        first.commit(blocks.get(b - 1), f.commitProof(blocks.get(b - 1).header()));
      }
      failing.failNextWrite = true; // the process dies while writing block 13's commit
      Block lost = blocks.get(12);
      assertThatThrownBy(() -> first.commit(lost, f.commitProof(lost.header())))
          .isInstanceOf(StorageException.class);
      Ledger second = open(failing, KEEP); // restart on what reached the store
      assertThat(second.head().number()).isEqualTo(12);
      assertWindow(archiveStore, prunedStore, 12);
      for (int b = 13; b <= 24; b++) {
        second.commit(blocks.get(b - 1), f.commitProof(blocks.get(b - 1).header()));
        assertWindow(archiveStore, prunedStore, b);
      }
    }
  }

  @Test
  void aRunWithoutPruningInBetweenIsNeverPrunedButTheWindowAfterIs() throws Exception {
    InMemoryStore archiveStore = new InMemoryStore();
    InMemoryStore prunedStore = new InMemoryStore();
    FailingStore shared = new FailingStore(prunedStore);
    try (Ledger archive = open(archiveStore, 0)) {
      roots.add(archive.head().stateRoot());
      List<Block> blocks = new ArrayList<>();
      for (int b = 1; b <= 30; b++) {
        Block block = LedgerSteps.advance(archive, f, workload(b));
        blocks.add(block);
        roots.add(block.header().stateRoot());
      }
      commitRange(open(shared, KEEP), blocks, 1, 10);
      commitRange(open(shared, 0), blocks, 11, 18); // archive mode: no journal, no births
      commitRange(open(shared, KEEP), blocks, 19, 30);
      for (int k = 30 - KEEP + 1; k <= 30; k++) {
        assertThat(TreeNodes.leaves(prunedStore, roots.get(k))).as("state of block %d", k)
            .isEqualTo(TreeNodes.leaves(archiveStore, roots.get(k)));
      }
      // Nodes made stale before the restart at 18 are never journaled, so they stay.
      assertThat(nodeCount(prunedStore)).isLessThan(nodeCount(archiveStore));
    }
  }

  private void commitRange(Ledger ledger, List<Block> blocks, int from, int to)
      throws InvalidBlockException {
    for (int b = from; b <= to; b++) {
      ledger.commit(blocks.get(b - 1), f.commitProof(blocks.get(b - 1).header()));
    }
  }

  private Ledger open(KeyValueStore store, long keep) {
    return Ledger.open(store, f.genesis(), f.module(), GenesisBlock.of(f.genesis(), f.module()),
        4096, keep);
  }

  /** Transfers, and a deposit that is withdrawn and made again with the same amount. */
  private List<SignedTransaction> workload(int b) {
    List<SignedTransaction> txs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      int s = (b + i) % (USERS - 1);
      txs.add(f.transfer(f.user(s), nonces[s]++, recipient((b * 3 + i) % 5),
          BigInteger.valueOf(b), GWEI.multiply(BigInteger.TWO), GWEI));
    }
    int depositor = USERS - 1;
    if (b % 3 == 0) {
      txs.add(f.call(f.user(depositor), nonces[depositor]++, FakeSystemModule.ADDRESS,
          BigInteger.valueOf(5), Bytes.of((byte) 1), 200_000, GWEI.multiply(BigInteger.TWO), GWEI));
    } else if (b % 3 == 1 && b > 1) {
      txs.add(f.call(f.user(depositor), nonces[depositor]++, FakeSystemModule.ADDRESS,
          BigInteger.ZERO, Bytes.of((byte) 2), 200_000, GWEI.multiply(BigInteger.TWO), GWEI));
    }
    return txs;
  }

  private void assertWindow(InMemoryStore archive, InMemoryStore pruned, long head) {
    assertWindow(archive, pruned, head, KEEP);
  }

  /**
   * The kept states are whole and equal to the archive's, and the store holds exactly their nodes
   * and the pinned ones once the window is full.
   */
  private void assertWindow(InMemoryStore archive, InMemoryStore pruned, long head, int keep) {
    Set<Hash> expected = new HashSet<>(pinnedNodes(pruned));
    for (long k = Math.max(0, head - keep + 1); k <= head; k++) {
      Hash root = roots.get((int) k);
      assertThat(TreeNodes.leaves(pruned, root)).as("state of block %d at head %d", k, head)
          .isEqualTo(TreeNodes.leaves(archive, root));
      expected.addAll(TreeNodes.nodes(pruned, root));
    }
    if (head >= keep) {
      assertThat(storedNodes(pruned)).as("stored nodes at head %d", head)
          .containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  private static Set<Hash> pinnedNodes(KeyValueStore store) {
    return hashesUnder(store, KeyPrefix.STATE_PIN);
  }

  private static Set<Hash> storedNodes(KeyValueStore store) {
    return hashesUnder(store, KeyPrefix.STATE_NODE);
  }

  private static long nodeCount(KeyValueStore store) {
    return storedNodes(store).size();
  }

  private static Set<Hash> hashesUnder(KeyValueStore store, KeyPrefix prefix) {
    Set<Hash> out = new HashSet<>();
    try (KeyValueCursor c = store.prefix(prefix.bytes())) {
      c.forEachRemaining(kv -> out.add(new Hash(kv.key().slice(1, 1 + Hash.SIZE))));
    }
    return out;
  }

  private static Hash anyKey(KeyValueStore archive, Hash root) {
    return TreeNodes.leaves(archive, root).keySet().iterator().next();
  }

  private static Address recipient(int i) {
    byte[] b = new byte[Address.SIZE];
    b[0] = 0x7e;
    b[Address.SIZE - 1] = (byte) i;
    return Address.of(b);
  }

  /** A store whose next write can be made to fail before anything is applied, like a crash. */
  private static final class FailingStore implements KeyValueStore {
    private final KeyValueStore delegate;
    boolean failNextWrite;

    FailingStore(KeyValueStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public Optional<Bytes> get(Bytes key) {
      return delegate.get(key);
    }

    @Override
    public void write(WriteBatch batch, Durability durability) {
      if (failNextWrite) {
        failNextWrite = false;
        throw new StorageException("simulated crash before the batch was written");
      }
      delegate.write(batch, durability);
    }

    @Override
    public KeyValueCursor range(Bytes fromInclusive, Bytes toExclusive) {
      return delegate.range(fromInclusive, toExclusive);
    }

    @Override
    public String location() {
      return "failing " + delegate.location();
    }

    @Override
    public void close() {
      // the delegate outlives each "process"
    }
  }
}
