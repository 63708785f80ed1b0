package dev.bulwark.ledger.store;

import static dev.bulwark.ledger.execution.ChainFixture.ETHER;
import static dev.bulwark.ledger.execution.ChainFixture.GWEI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.chain.CommitProof;
import dev.bulwark.ledger.chain.Finality;
import dev.bulwark.ledger.crypto.Keccak;
import dev.bulwark.ledger.crypto.Secp256k1;
import dev.bulwark.ledger.execution.BuiltBlock;
import dev.bulwark.ledger.execution.ChainFixture;
import dev.bulwark.ledger.execution.ExecutionResult;
import dev.bulwark.ledger.execution.InvalidBlockException;
import dev.bulwark.ledger.storage.InMemoryStore;
import dev.bulwark.ledger.storage.KeyValue;
import dev.bulwark.ledger.storage.KeyValueCursor;
import dev.bulwark.ledger.tx.SignedTransaction;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Commits of several blocks under one commit proof, and epoch-ending commits whose proof reaches a
 * descendant through a proof path: what is stored, what is refused, and catching up on blocks never
 * executed here.
 */
class BatchCommitTest {
  private static final long EPOCH_LENGTH = 4;

  private final ChainFixture f = new ChainFixture(3, EPOCH_LENGTH, 30_000_000);
  private final InMemoryStore store = new InMemoryStore();
  private final Ledger ledger = Ledger.open(store, f.genesis(), f.module());
  private final Secp256k1.KeyPair alice = f.user(0);
  private final Address bob = f.user(1).address();

  /** One transfer from alice per block, so her nonce is the parent's number. */
  private List<SignedTransaction> aliceTransfer(BlockHeader parent) {
    return List.of(
        f.transfer(
            alice,
            parent.number(),
            bob,
            ETHER.add(BigInteger.valueOf(parent.number())),
            GWEI.multiply(BigInteger.TWO),
            BigInteger.ONE));
  }

  private List<BuiltBlock> build(Ledger on, int count) {
    return LedgerSteps.buildChain(on, f, count, this::aliceTransfer);
  }

  private static List<ExecutionResult> results(List<BuiltBlock> built) {
    return built.stream().map(BuiltBlock::result).toList();
  }

  private static BlockHeader last(List<Block> blocks) {
    return blocks.get(blocks.size() - 1).header();
  }

  @Test
  void aBatchStoresEveryBlockWithTheSameFinalityRecord() throws Exception {
    List<BuiltBlock> built = build(ledger, 3);
    List<Block> blocks = LedgerSteps.blocks(built);
    CommitProof proof = f.commitProof(last(blocks));

    List<Hash> committed = ledger.commit(blocks, proof, List.of());

    ChainStore chain = ledger.chain();
    assertThat(committed).isNotEmpty().containsExactlyElementsOf(blocks.stream()
        .flatMap(b -> b.transactions().stream()).map(Keccak::hash).toList());
    assertThat(ledger.head()).isEqualTo(last(blocks));
    for (Block block : blocks) {
      long n = block.header().number();
      assertThat(chain.block(n)).contains(block);
      assertThat(chain.block(block.hash())).contains(block);
      assertThat(chain.finality(n)).contains(new Finality(proof, List.of(), 3));
      assertThat(chain.commitProof(n)).contains(proof);
      Hash tx = block.transactionHashes().get(0);
      assertThat(chain.receipt(tx).orElseThrow().blockNumber()).isEqualTo(n);
      assertThat(chain.transaction(tx).orElseThrow().blockHash()).isEqualTo(block.hash());
      // Every intermediate state is there, not only the head's.
      assertThat(chain.stateAt(n).orElseThrow().account(alice.address()).nonce()).isEqualTo(n);
    }
    assertThat(chain.finality(0)).isEmpty();
    assertThat(chain.finality(4)).isEmpty();
    assertThat(chain.commitProof(0)).isEmpty();
    assertThat(ledger.headState().account(bob).balance())
        .isEqualTo(ETHER.multiply(BigInteger.valueOf(1003)).add(BigInteger.valueOf(3)));

    // The next commit continues from the batch's last block.
    Block fourth = LedgerSteps.advance(ledger, f, aliceTransfer(ledger.head()));
    assertThat(ledger.chain().finality(4))
        .contains(Finality.direct(f.commitProof(fourth.header()), 4));
    assertThat(ledger.chain().finality(3).orElseThrow().lastNumber()).isEqualTo(3);
  }

  @Test
  void anEpochEndingCommitStoresItsProofPathAndTheNextSet() throws Exception {
    Block first = LedgerSteps.advance(ledger, f, aliceTransfer(ledger.head()));
    List<Block> blocks = LedgerSteps.blocks(build(ledger, 3)); // 2, 3, 4: 4 ends epoch 1
    List<BlockHeader> path = LedgerSteps.proofPath(last(blocks), 2);
    CommitProof proof = f.commitProof(path.get(1));
    assertThat(ledger.validatorSet(2)).isEmpty();

    ledger.commit(blocks, proof, path);

    ChainStore chain = ledger.chain();
    assertThat(ledger.head().number()).isEqualTo(EPOCH_LENGTH);
    Finality expected = new Finality(proof, path, EPOCH_LENGTH);
    for (long n = 2; n <= EPOCH_LENGTH; n++) {
      assertThat(chain.finality(n)).contains(expected);
    }
    assertThat(expected.provenNumber()).isEqualTo(6);
    assertThat(chain.finality(1)).contains(Finality.direct(f.commitProof(first.header()), 1));
    assertThat(ledger.validatorSet(2)).contains(f.validators().validatorSet(2));
    // The path's blocks are never committed.
    assertThat(chain.block(5)).isEmpty();
    assertThat(chain.blockNumber(path.get(0).hash())).isEmpty();

    // Epoch 2 starts on the epoch-ending block.
    Block fifth = LedgerSteps.advance(ledger, f, aliceTransfer(ledger.head()));
    assertThat(fifth.header().epoch()).isEqualTo(2);
    assertThat(chain.finality(5).orElseThrow().proofPath()).isEmpty();
  }

  @Test
  void catchingUpExecutesBlocksNeverSeenHere() throws Exception {
    List<Block> epoch1 = LedgerSteps.blocks(build(ledger, 4));
    List<BlockHeader> path = LedgerSteps.proofPath(last(epoch1), 1);
    CommitProof endProof = f.commitProof(path.get(0));
    ledger.commit(epoch1, endProof, path);
    List<Block> next = LedgerSteps.blocks(build(ledger, 2));
    CommitProof nextProof = f.commitProof(last(next));
    ledger.commit(next, nextProof, List.of());

    try (Ledger follower = Ledger.open(new InMemoryStore(), f.genesis(), f.module())) {
      follower.commit(epoch1, endProof, path);
      follower.commit(next, nextProof, List.of());

      assertThat(follower.head()).isEqualTo(ledger.head());
      assertThat(follower.headState().account(bob)).isEqualTo(ledger.headState().account(bob));
      assertThat(follower.validatorSet(2)).isEqualTo(ledger.validatorSet(2));
      for (long n = 1; n <= 6; n++) {
        assertThat(follower.chain().finality(n)).isEqualTo(ledger.chain().finality(n));
        assertThat(follower.chain().receipts(n)).isEqualTo(ledger.chain().receipts(n));
      }
    }
  }

  @Test
  void anInvalidBlockInABatchCommitsNothing() throws Exception {
    List<Block> blocks = LedgerSteps.blocks(build(ledger, 2));
    BlockHeader forged = blocks.get(1).header().toBuilder().stateRoot(Hash.ZERO).build();
    Block bad = new Block(forged, blocks.get(1).transactions(), List.of());

    try (Ledger follower = Ledger.open(new InMemoryStore(), f.genesis(), f.module())) {
      assertThatThrownBy(
              () -> follower.commit(List.of(blocks.get(0), bad), f.commitProof(forged), List.of()))
          .isInstanceOf(InvalidBlockException.class);
      assertThat(follower.head().number()).isZero();
      assertThat(follower.chain().block(blocks.get(0).hash())).isEmpty();
      // The good first block can still be committed on its own afterwards.
      follower.commit(List.of(blocks.get(0)), f.commitProof(blocks.get(0).header()), List.of());
      assertThat(follower.head()).isEqualTo(blocks.get(0).header());
    }
  }

  @Test
  void refusedCommitsLeaveTheStoreUnchanged() {
    List<BuiltBlock> built = build(ledger, 3);
    List<Block> blocks = LedgerSteps.blocks(built);
    List<ExecutionResult> results = results(built);
    BlockHeader third = last(blocks);
    CommitProof proof = f.commitProof(third);
    ChainStore chain = ledger.chain();
    Map<Bytes, Bytes> before = contents();

    refused(
        () -> chain.commit(blocks, results, f.commitProof(blocks.get(1).header()), List.of()),
        IllegalArgumentException.class,
        "the commit proof is for " + blocks.get(1).hash() + ", not block " + third.hash());
    refused(
        () ->
            chain.commit(
                List.of(blocks.get(0), blocks.get(2)),
                List.of(results.get(0), results.get(2)),
                proof,
                List.of()),
        IllegalArgumentException.class,
        "block 3 (" + third.hash() + ") does not follow block 1");
    refused(
        () -> chain.commit(blocks.subList(1, 3), results.subList(1, 3), proof, List.of()),
        IllegalStateException.class,
        "block 2 (" + blocks.get(1).hash() + ") does not extend the head block 0");
    refused(
        () ->
            chain.commit(
                blocks, List.of(results.get(0), results.get(2), results.get(1)), proof, List.of()),
        IllegalArgumentException.class,
        "the execution result is not block 2 (" + blocks.get(1).hash() + ")'s");
    refused(
        () -> chain.commit(blocks, results.subList(0, 2), proof, List.of()),
        IllegalArgumentException.class,
        "3 blocks but 2 execution results");
    refused(
        () -> chain.commit(List.of(), List.of(), proof, List.of()),
        IllegalArgumentException.class,
        "at least one block");

    List<BlockHeader> path = LedgerSteps.proofPath(third, 2);
    refused(
        () -> chain.commit(blocks, results, f.commitProof(path.get(0)), path),
        IllegalArgumentException.class,
        "the commit proof is for "
            + path.get(0).hash()
            + ", not the proof path's last block "
            + path.get(1).hash());
    List<BlockHeader> offTheLastBlock = LedgerSteps.proofPath(blocks.get(1).header(), 2);
    refused(
        () -> chain.commit(blocks, results, f.commitProof(offTheLastBlock.get(1)), offTheLastBlock),
        IllegalArgumentException.class,
        "the proof path does not start at a child of the last block block 3");
    List<BlockHeader> gapInPath =
        List.of(path.get(0), LedgerSteps.proofPath(path.get(1), 1).get(0));
    refused(
        () -> chain.commit(blocks, results, f.commitProof(gapInPath.get(1)), gapInPath),
        IllegalArgumentException.class,
        "proof path header 6 (" + gapInPath.get(1).hash() + ") does not continue the path");
    // Block 5 on another block 4: the numbers follow, the parent link does not.
    List<BlockHeader> brokenLink =
        List.of(path.get(0), LedgerSteps.proofPath(blocks.get(1).header(), 3).get(2));
    refused(
        () -> chain.commit(blocks, results, f.commitProof(brokenLink.get(1)), brokenLink),
        IllegalArgumentException.class,
        "proof path header 5 (" + brokenLink.get(1).hash() + ") does not continue the path");

    assertThat(contents()).isEqualTo(before);
    assertThat(ledger.head().number()).isZero();
    assertThat(chain.finality(1)).isEmpty();

    chain.commit(blocks, results, proof, List.of());
    assertThat(ledger.head()).isEqualTo(third);
    assertThat(contents()).isNotEqualTo(before);
  }

  private void refused(Runnable commit, Class<? extends Throwable> type, String message) {
    assertThatThrownBy(commit::run).isInstanceOf(type).hasMessageContaining(message);
  }

  private Map<Bytes, Bytes> contents() {
    Map<Bytes, Bytes> out = new TreeMap<>();
    try (KeyValueCursor cursor = store.range(Bytes.EMPTY, Bytes.of((byte) 0xff))) {
      while (cursor.hasNext()) {
        KeyValue kv = cursor.next();
        out.put(kv.key(), kv.value());
      }
    }
    return out;
  }
}
