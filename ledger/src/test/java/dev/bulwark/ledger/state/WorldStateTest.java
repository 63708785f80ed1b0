package dev.bulwark.ledger.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.ledger.state.merkle.MerkleStateTree;
import dev.bulwark.ledger.storage.Durability;
import dev.bulwark.ledger.storage.InMemoryStore;
import dev.bulwark.ledger.storage.WriteBatch;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WorldStateTest {
  private static final Address MODULE =
      Address.fromHex("0x0000000000000000000000000000000000001000");
  private final InMemoryStore store = new InMemoryStore();
  private final MerkleStateTree tree = new MerkleStateTree(store, 1024);

  private static Address address(int i) {
    byte[] a = new byte[20];
    a[19] = (byte) i;
    a[0] = (byte) (i >> 8);
    return Address.of(a);
  }

  private Hash commit(WorldState state) {
    Hash root = state.commit();
    store.write(state.nodes(), Durability.NO_SYNC);
    return root;
  }

  @Test
  void rootIsTheTreeOfTheEncodedAccountsAndSlots() {
    WorldState state = new WorldState(tree, MerkleStateTree.EMPTY_ROOT, new WriteBatch());
    Account a = new Account(3, BigInteger.TEN);
    state.setAccount(address(1), a);
    state.setModuleSlot(MODULE, Bytes.of((byte) 7), Bytes.fromHex("0xbeef"));
    Hash root = commit(state);

    MerkleStateTree other = new MerkleStateTree(new InMemoryStore(), 16);
    Map<Hash, Bytes> expected = new HashMap<>();
    expected.put(StateKeys.account(address(1)), AccountCodec.encode(a));
    expected.put(StateKeys.moduleSlot(MODULE, Bytes.of((byte) 7)), Bytes.fromHex("0xbeef"));
    assertThat(root)
        .isEqualTo(other.update(MerkleStateTree.EMPTY_ROOT, expected, new WriteBatch()));

    CommittedState read = new CommittedState(tree, root);
    assertThat(read.account(address(1))).isEqualTo(a);
    assertThat(read.account(address(2))).isEqualTo(Account.EMPTY);
    assertThat(read.moduleSlot(MODULE, Bytes.of((byte) 7))).contains(Bytes.fromHex("0xbeef"));
    assertThat(read.moduleSlot(MODULE, Bytes.of((byte) 8))).isEmpty();
  }

  @Test
  void emptyAccountsAndNullSlotsDeleteTheirLeaves() {
    WorldState genesis = new WorldState(tree, MerkleStateTree.EMPTY_ROOT, new WriteBatch());
    genesis.setAccount(address(1), new Account(0, BigInteger.ONE));
    Hash oneAccount = commit(genesis);
    WorldState next = new WorldState(tree, oneAccount, new WriteBatch());
    next.setAccount(address(2), new Account(1, BigInteger.TWO));
    next.setModuleSlot(MODULE, Bytes.of((byte) 1), Bytes.of((byte) 1));
    Hash bigger = commit(next);
    WorldState undo = new WorldState(tree, bigger, new WriteBatch());
    undo.setAccount(address(2), Account.EMPTY);
    undo.setModuleSlot(MODULE, Bytes.of((byte) 1), null);
    assertThat(commit(undo)).isEqualTo(oneAccount);
  }

  @Test
  void readsSeeOwnWritesAndRevertRestoresExactly() {
    WorldState base = new WorldState(tree, MerkleStateTree.EMPTY_ROOT, new WriteBatch());
    base.setAccount(address(1), new Account(1, BigInteger.valueOf(100)));
    Hash root = commit(base);

    WorldState state = new WorldState(tree, root, new WriteBatch());
    state.setAccount(address(1), new Account(2, BigInteger.valueOf(90)));
    int snapshot = state.snapshot();
    state.setAccount(address(1), new Account(2, BigInteger.valueOf(10)));
    state.setAccount(address(3), new Account(0, BigInteger.ONE));
    state.setModuleSlot(MODULE, Bytes.of((byte) 1), Bytes.of((byte) 5));
    assertThat(state.account(address(3)).balance()).isEqualTo(BigInteger.ONE);
    state.revertTo(snapshot);
    assertThat(state.account(address(1))).isEqualTo(new Account(2, BigInteger.valueOf(90)));
    assertThat(state.account(address(3))).isEqualTo(Account.EMPTY);
    assertThat(state.moduleSlot(MODULE, Bytes.of((byte) 1))).isEmpty();

    WorldState direct = new WorldState(new MerkleStateTree(store, 16), root, new WriteBatch());
    direct.setAccount(address(1), new Account(2, BigInteger.valueOf(90)));
    assertThat(state.commit()).isEqualTo(direct.commit());
    assertThatThrownBy(() -> state.setAccount(address(1), Account.EMPTY))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void randomWritesWithNestedRevertsMatchAModel() {
    Random random = new Random(11);
    Hash root = MerkleStateTree.EMPTY_ROOT;
    Map<Address, Account> model = new HashMap<>();
    for (int block = 0; block < 20; block++) {
      WorldState state = new WorldState(tree, root, new WriteBatch());
      Map<Address, Account> working = new HashMap<>(model);
      for (int tx = 0; tx < 10; tx++) {
        int snapshot = state.snapshot();
        Map<Address, Account> before = new HashMap<>(working);
        for (int w = 0; w < 1 + random.nextInt(4); w++) {
          Address a = address(random.nextInt(30));
          Account acc =
              random.nextInt(5) == 0
                  ? Account.EMPTY
                  : new Account(random.nextInt(4), BigInteger.valueOf(random.nextInt(1000)));
          state.setAccount(a, acc);
          working.put(a, acc);
        }
        if (random.nextBoolean()) {
          state.revertTo(snapshot);
          working = before;
        }
      }
      for (int i = 0; i < 30; i++) {
        assertThat(state.account(address(i)))
            .isEqualTo(working.getOrDefault(address(i), Account.EMPTY));
      }
      root = commit(state);
      model = working;
      CommittedState committed = new CommittedState(tree, root);
      for (int i = 0; i < 30; i++) {
        assertThat(committed.account(address(i)))
            .isEqualTo(model.getOrDefault(address(i), Account.EMPTY));
      }
    }
  }

  @Test
  void accountCodecIsCanonical() {
    Account a = new Account(-1L, BigInteger.ONE.shiftLeft(255)); // nonce 2^64-1
    assertThat(AccountCodec.decode(AccountCodec.encode(a))).isEqualTo(a);
    assertThat(AccountCodec.encode(new Account(1, BigInteger.ZERO)))
        .isEqualTo(Bytes.fromHex("0xc20180"));
    assertThatThrownBy(() -> AccountCodec.encode(Account.EMPTY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AccountCodec.decode(Bytes.fromHex("0xc28080")))
        .isInstanceOf(dev.bulwark.ledger.codec.DecodeException.class);
    assertThat(Optional.of(AccountCodec.decode(Bytes.fromHex("0xc20105"))))
        .contains(new Account(1, BigInteger.valueOf(5)));
  }
}
