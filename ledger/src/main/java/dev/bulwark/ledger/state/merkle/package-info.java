/**
 * The incremental Merkle state tree: a persistent authenticated map from 32-byte keys to values
 * whose root hash is the block's state root. Entry point: {@link
 * dev.bulwark.ledger.state.merkle.MerkleStateTree}.
 */
package dev.bulwark.ledger.state.merkle;
