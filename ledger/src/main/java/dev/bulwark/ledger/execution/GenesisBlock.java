package dev.bulwark.ledger.execution;

import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.state.Account;
import dev.bulwark.ledger.state.CommittedState;
import dev.bulwark.ledger.state.WorldState;
import dev.bulwark.ledger.state.merkle.MerkleStateTree;
import dev.bulwark.ledger.storage.InMemoryStore;
import dev.bulwark.ledger.storage.WriteBatch;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Hash;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Block 0 of a chain, derived from its genesis spec and system module alone (its hash is the
 * chain's identity): number 0, round 0, epoch 0, zero parent hash, timestamp genesisTime × 1000,
 * the zero address as proposer, no parent QC, the genesis gas limit, base fee at the floor, no
 * transactions, receipts or evidence (their roots are {@link ListRoot#EMPTY}), and the state after
 * the alloc balances and the module's genesis initialisation.
 *
 * @param block the genesis block
 * @param stateNodes the state-tree nodes of its state, to be written with it
 * @param firstValidatorSet the validator set of epoch 1, which starts on top of it
 */
public record GenesisBlock(Block block, WriteBatch stateNodes, ValidatorSet firstValidatorSet) {
  /** Computes the genesis block of {@code spec} in memory. */
  public static GenesisBlock of(GenesisSpec spec, SystemModule module) {
    // A throwaway tree: the genesis state starts empty, so nothing is ever read from a store;
    // every node ends up in the batch, which the chain store writes with block 0.
    MerkleStateTree tree = new MerkleStateTree(new InMemoryStore(), 1024);
    WorldState state = new WorldState(tree, MerkleStateTree.EMPTY_ROOT, new WriteBatch());
    for (Map.Entry<Address, BigInteger> e : spec.alloc().entrySet()) {
      state.setAccount(e.getKey(), new Account(0, e.getValue()));
    }
    module.initializeGenesis(spec, state);
    Hash root = state.commit();
    ValidatorSet first = module.currentValidatorSet(new CommittedState(tree, root, state.nodes()));
    if (first.epoch() != 1) {
      throw new IllegalStateException(
          "the genesis validator set must be epoch 1's, the module gave epoch " + first.epoch());
    }
    ChainParams params = spec.params();
    BlockHeader header =
        BlockHeader.builder()
            .number(0)
            .parentHash(Hash.ZERO)
            .timestampMillis(Math.multiplyExact(spec.genesisTimeSeconds(), 1000L))
            .proposer(Address.of(new byte[Address.SIZE]))
            .epoch(0)
            .round(0)
            .gasLimit(params.blockGasLimit())
            .gasUsed(0)
            .baseFeePerGas(params.minBaseFeePerGas())
            .stateRoot(root)
            .transactionsRoot(ListRoot.EMPTY)
            .receiptsRoot(ListRoot.EMPTY)
            .evidenceRoot(ListRoot.EMPTY)
            .build();
    return new GenesisBlock(new Block(header, List.of(), List.of()), state.nodes(), first);
  }

  /** The genesis block hash: the chain identity. */
  public Hash hash() {
    return block.hash();
  }
}
