package dev.bulwark.ledger.execution;

import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.chain.Evidence;
import dev.bulwark.ledger.state.CommittedState;
import dev.bulwark.ledger.state.StateReader;
import dev.bulwark.ledger.state.merkle.MerkleStateTree;
import dev.bulwark.ledger.storage.Durability;
import dev.bulwark.ledger.storage.InMemoryStore;
import dev.bulwark.ledger.storage.WriteBatch;
import dev.bulwark.ledger.tx.SignedTransaction;
import dev.bulwark.ledger.types.Bytes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builder and executor over an in-memory tree, with a head that moves as blocks are "committed".
 */
final class Harness {
  final ChainFixture fixture;
  final InMemoryStore store = new InMemoryStore();
  final MerkleStateTree tree = new MerkleStateTree(store, 4096);
  final BlockBuilder builder;
  final BlockExecutor executor;
  final GenesisBlock genesis;
  BlockHeader head;

  Harness(ChainFixture fixture) {
    this.fixture = fixture;
    this.genesis = GenesisBlock.of(fixture.genesis(), fixture.module());
    store.write(genesis.stateNodes(), Durability.NO_SYNC);
    this.head = genesis.block().header();
    this.builder = new BlockBuilder(fixture.params(), fixture.module(), tree);
    this.executor = new BlockExecutor(fixture.params(), fixture.module(), tree);
  }

  ParentState parent() {
    return ParentState.committed(head);
  }

  BuiltBlock build(List<SignedTransaction> txs) {
    return build(txs, List.of(), 0);
  }

  BuiltBlock build(List<SignedTransaction> txs, List<Evidence> evidence, int skipped) {
    return builder.build(parent(), fixture.template(head, skipped), txs, evidence);
  }

  ExecutionResult execute(Block block) throws InvalidBlockException {
    return executor.execute(parent(), block);
  }

  /** Builds, re-executes (which must agree) and commits; returns the executor's result. */
  ExecutionResult advance(List<SignedTransaction> txs) throws InvalidBlockException {
    return advance(txs, List.of(), 0);
  }

  ExecutionResult advance(List<SignedTransaction> txs, List<Evidence> evidence, int skipped)
      throws InvalidBlockException {
    BuiltBlock built = build(txs, evidence, skipped);
    ExecutionResult result = execute(built.block());
    commit(built.block(), result);
    return result;
  }

  void commit(Block block, ExecutionResult result) {
    store.write(result.stateNodes(), Durability.NO_SYNC);
    head = block.header();
  }

  /** The staged operations of {@code batch} in staging order (null values are deletes). */
  static Map<Bytes, Bytes> contents(WriteBatch batch) {
    Map<Bytes, Bytes> out = new LinkedHashMap<>();
    batch.forEach(out::put);
    return out;
  }

  StateReader state() {
    return new CommittedState(tree, head.stateRoot());
  }
}
