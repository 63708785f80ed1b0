package dev.bulwark.ledger.store;

import static dev.bulwark.ledger.execution.ChainFixture.ETHER;
import static dev.bulwark.ledger.execution.ChainFixture.GWEI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.crypto.Secp256k1;
import dev.bulwark.ledger.execution.BuiltBlock;
import dev.bulwark.ledger.execution.ChainFixture;
import dev.bulwark.ledger.execution.FakeSystemModule;
import dev.bulwark.ledger.execution.GenesisBlock;
import dev.bulwark.ledger.execution.ListRoot;
import dev.bulwark.ledger.execution.Receipt;
import dev.bulwark.ledger.state.Account;
import dev.bulwark.ledger.storage.InMemoryStore;
import dev.bulwark.ledger.tx.SignedTransaction;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Commits and every read of the chain store, through the Ledger facade, in memory. */
class ChainStoreTest {
  private final ChainFixture f = new ChainFixture(3, 4, 30_000_000);
  private final Ledger ledger = Ledger.open(new InMemoryStore(), f.genesis(), f.module());
  private final Secp256k1.KeyPair alice = f.user(0);
  private final Address bob = f.user(1).address();

  private SignedTransaction deposit(Secp256k1.KeyPair from, long nonce, long value) {
    return f.call(
        from,
        nonce,
        FakeSystemModule.ADDRESS,
        BigInteger.valueOf(value),
        Bytes.of((byte) 1),
        100_000,
        GWEI.multiply(BigInteger.TWO),
        BigInteger.ONE);
  }

  @Test
  void genesisBlockAndState() {
    BlockHeader g = ledger.head();
    assertThat(g.number()).isZero();
    assertThat(g.round()).isZero();
    assertThat(g.epoch()).isZero();
    assertThat(g.parentHash()).isEqualTo(Hash.ZERO);
    assertThat(g.parentQc()).isEmpty();
    assertThat(g.timestampMillis()).isEqualTo(ChainFixture.GENESIS_TIME * 1000);
    assertThat(g.proposer()).isEqualTo(Address.of(new byte[20]));
    assertThat(g.gasLimit()).isEqualTo(30_000_000);
    assertThat(g.baseFeePerGas()).isEqualTo(GWEI);
    assertThat(List.of(g.transactionsRoot(), g.receiptsRoot(), g.evidenceRoot()))
        .containsOnly(ListRoot.EMPTY);
    assertThat(g.hash()).isEqualTo(GenesisBlock.of(f.genesis(), f.module()).hash());
    assertThat(ledger.headState().account(alice.address()).balance())
        .isEqualTo(ETHER.multiply(BigInteger.valueOf(1000)));
    assertThat(ledger.headState().account(FakeSystemModule.ADDRESS).balance())
        .isEqualTo(ChainFixture.STAKE.multiply(BigInteger.valueOf(4)));
    assertThat(ledger.validatorSet(1)).contains(f.validators().validatorSet(1));
    assertThat(ledger.chain().commitProof(0)).isEmpty();
    assertThat(ledger.chain().receipts(0)).contains(List.of());

    ChainFixture otherAlloc = new ChainFixture(4, 4, 30_000_000);
    assertThat(GenesisBlock.of(otherAlloc.genesis(), otherAlloc.module()).hash())
        .isNotEqualTo(g.hash());
  }

  @Test
  void committedBlocksTransactionsAndReceiptsAreReadable() {
    SignedTransaction transfer =
        f.transfer(alice, 0, bob, ETHER, GWEI.multiply(BigInteger.TWO), BigInteger.ONE);
    SignedTransaction dep = deposit(alice, 1, 5);
    Block block = LedgerSteps.advance(ledger, f, List.of(transfer, dep));
    ChainStore chain = ledger.chain();

    assertThat(ledger.head()).isEqualTo(block.header());
    assertThat(chain.block(1)).contains(block);
    assertThat(chain.block(block.hash())).contains(block);
    assertThat(chain.block(2)).isEmpty();
    assertThat(chain.commitProof(1)).contains(f.commitProof(block.header()));

    StoredTransaction stored = chain.transaction(dep.hash()).orElseThrow();
    assertThat(stored.transaction()).isEqualTo(dep);
    assertThat(stored.transaction().sender()).contains(alice.address());
    assertThat(stored.blockHash()).isEqualTo(block.hash());
    assertThat(stored.blockNumber()).isEqualTo(1);
    assertThat(stored.index()).isEqualTo(1);

    StoredReceipt receipt = chain.receipt(dep.hash()).orElseThrow();
    assertThat(receipt.transactionHash()).isEqualTo(dep.hash());
    assertThat(receipt.index()).isEqualTo(1);
    assertThat(receipt.blockLevel()).isFalse();
    assertThat(receipt.receipt().cumulativeGasUsed()).isEqualTo(21_000 + 61_016);
    assertThat(receipt.receipt().logs()).hasSize(1);
    assertThat(chain.receipt(Hash.ZERO)).isEmpty();
    assertThat(chain.transaction(Hash.ZERO)).isEmpty();

    assertThat(ledger.headState().account(alice.address()).nonce()).isEqualTo(2);
    assertThat(chain.stateAt(0).orElseThrow().account(alice.address()))
        .isEqualTo(new Account(0, ETHER.multiply(BigInteger.valueOf(1000))));
    assertThat(ledger.accountView().nonce(alice.address())).isEqualTo(2);
    assertThat(ledger.accountView().balance(bob))
        .isEqualTo(ETHER.multiply(BigInteger.valueOf(1001)));
    assertThat(ledger.call(alice.address(), Bytes.EMPTY).returnData().toArray()[31])
        .isEqualTo((byte) 5);
  }

  @Test
  void logsByRangeAddressAndTopicsWithBlockWideIndexes() {
    Secp256k1.KeyPair carol = f.user(2);
    LedgerSteps.advance(ledger, f, List.of(deposit(alice, 0, 1), deposit(carol, 0, 2))); // block 1
    LedgerSteps.advance(
        ledger,
        f,
        List.of(
            f.transfer(
                alice,
                1,
                bob,
                BigInteger.ONE,
                GWEI.multiply(BigInteger.TWO),
                BigInteger.ZERO))); // block 2: no logs
    Block third =
        LedgerSteps.advance(
            ledger, f, List.of(deposit(carol, 1, 3)), List.of(), 1); // + Skipped log
    Block fourth = LedgerSteps.advance(ledger, f, List.of()); // ends epoch 1
    ChainStore chain = ledger.chain();

    List<StoredLog> all = chain.logs(new LogFilter(0, 100, Set.of(), List.of()));
    assertThat(all)
        .extracting(l -> l.log().topics().get(0))
        .containsExactly(
            FakeSystemModule.DEPOSITED,
            FakeSystemModule.DEPOSITED,
            FakeSystemModule.DEPOSITED,
            FakeSystemModule.SKIPPED,
            FakeSystemModule.EPOCH_ENDED);
    assertThat(all).extracting(StoredLog::blockNumber).containsExactly(1L, 1L, 3L, 3L, 4L);
    assertThat(all).extracting(StoredLog::logIndex).containsExactly(0, 1, 0, 1, 0);
    assertThat(all).extracting(StoredLog::transactionIndex).containsExactly(0, 1, 0, 1, 0);
    // Block-level logs: the receipt is found under the block hash.
    assertThat(all.get(3).transactionHash()).isEqualTo(third.hash());
    StoredReceipt blockLevel = chain.receipt(third.hash()).orElseThrow();
    assertThat(blockLevel.blockLevel()).isTrue();
    assertThat(blockLevel.receipt().from()).isEqualTo(Receipt.SYSTEM_SENDER);
    assertThat(chain.transaction(third.hash())).isEmpty();
    assertThat(all.get(4).blockHash()).isEqualTo(fourth.hash());

    Hash carolTopic = new Hash(Bytes.of(new byte[12]).concat(carol.address().bytes()));
    assertThat(chain.logs(new LogFilter(0, 100, Set.of(), List.of(Set.of(), Set.of(carolTopic)))))
        .extracting(StoredLog::blockNumber)
        .containsExactly(1L, 3L);
    assertThat(
            chain.logs(
                new LogFilter(
                    2,
                    3,
                    Set.of(FakeSystemModule.ADDRESS),
                    List.of(Set.of(FakeSystemModule.DEPOSITED)))))
        .extracting(StoredLog::blockNumber)
        .containsExactly(3L);
    assertThat(chain.logs(new LogFilter(0, 100, Set.of(bob), List.of()))).isEmpty();
    assertThat(chain.logsBloom(2).toBytes()).isEqualTo(Bytes.of(new byte[256]));
    assertThat(chain.logsBloom(1).mightContain(FakeSystemModule.DEPOSITED)).isTrue();
    assertThat(ledger.validatorSet(2)).hasValueSatisfying(s -> assertThat(s.epoch()).isEqualTo(2));
  }

  @Test
  void executesOnUncommittedParentsAndCommitsInOrder() throws Exception {
    BigInteger cap = GWEI.multiply(BigInteger.TWO);
    BuiltBlock b1 =
        ledger.build(
            f.template(ledger.head(), 0),
            List.of(f.transfer(alice, 0, bob, BigInteger.TEN, cap, BigInteger.ZERO)),
            List.of());
    BuiltBlock b2 =
        ledger.build(
            f.template(b1.block().header(), 0),
            List.of(f.transfer(alice, 1, bob, BigInteger.TEN, cap, BigInteger.ZERO)),
            List.of());
    assertThat(ledger.head().number()).as("nothing committed yet").isZero();

    // Another node executes the same two proposals before either commits.
    Ledger follower = Ledger.open(new InMemoryStore(), f.genesis(), f.module());
    assertThat(follower.execute(b1.block()).stateRoot()).isEqualTo(b1.block().header().stateRoot());
    assertThat(follower.execute(b2.block()).stateRoot()).isEqualTo(b2.block().header().stateRoot());
    follower.commit(b1.block(), f.commitProof(b1.block().header()));
    follower.commit(b2.block(), f.commitProof(b2.block().header()));
    assertThat(follower.head()).isEqualTo(b2.block().header());
    assertThat(follower.headState().account(alice.address()).nonce()).isEqualTo(2);

    ledger.commit(b1.block(), f.commitProof(b1.block().header()));
    ledger.commit(b2.block(), f.commitProof(b2.block().header()));
    assertThat(ledger.headState().account(bob).balance())
        .isEqualTo(follower.headState().account(bob).balance());
  }

  @Test
  void aBlockOnAnUnknownParentIsRefused() {
    BuiltBlock b1 = ledger.build(f.template(ledger.head(), 0), List.of(), List.of());
    Ledger other = Ledger.open(new InMemoryStore(), f.genesis(), f.module());
    BuiltBlock b2 = ledger.build(f.template(b1.block().header(), 0), List.of(), List.of());
    assertThatThrownBy(() -> other.execute(b2.block()))
        .isInstanceOf(UnknownParentException.class)
        .hasMessageContaining("neither the head nor an executed uncommitted block");
  }

  @Test
  void commitRejectsBlocksThatDoNotExtendTheHeadOrMismatch() {
    BuiltBlock b1 = ledger.build(f.template(ledger.head(), 0), List.of(), List.of());
    BuiltBlock sibling = ledger.build(f.template(ledger.head(), 1), List.of(), List.of());
    assertThatThrownBy(
            () ->
                ledger
                    .chain()
                    .commit(b1.block(), f.commitProof(sibling.block().header()), b1.result()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("commit proof");
    assertThatThrownBy(
            () ->
                ledger
                    .chain()
                    .commit(b1.block(), f.commitProof(b1.block().header()), sibling.result()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("execution result");
    ledger.chain().commit(b1.block(), f.commitProof(b1.block().header()), b1.result());
    assertThatThrownBy(
            () ->
                ledger
                    .chain()
                    .commit(
                        sibling.block(), f.commitProof(sibling.block().header()), sibling.result()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not extend the head");
  }
}
