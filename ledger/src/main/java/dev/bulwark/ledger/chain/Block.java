package dev.bulwark.ledger.chain;

import dev.bulwark.ledger.crypto.Keccak;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A block: its header, the raw Ethereum-encoded transactions (each non-empty; a transaction's
 * hash is keccak256 of its raw bytes) and the equivocation evidence it includes (each offence at
 * most once). Whether the roots in the header match the body is for the ledger to check.
 */
public record Block(BlockHeader header, List<Bytes> transactions, List<Evidence> evidence) {
  public Block {
    Require.present(header, "header");
    transactions = List.copyOf(Require.present(transactions, "transactions"));
    evidence = List.copyOf(Require.present(evidence, "evidence"));
    for (Bytes tx : transactions) {
      if (tx.isEmpty()) {
        throw new IllegalArgumentException("a raw transaction cannot be empty");
      }
    }
    Set<Hash> ids = new HashSet<>();
    for (Evidence e : evidence) {
      if (!ids.add(e.id())) {
        throw new IllegalArgumentException("block includes one offence twice: " + e.id());
      }
    }
  }

  /** The block id: its header's hash. */
  public Hash hash() {
    return header.hash();
  }

  /** The transactions' hashes, in block order. */
  public List<Hash> transactionHashes() {
    return transactions.stream().map(Keccak::hash).toList();
  }
}
