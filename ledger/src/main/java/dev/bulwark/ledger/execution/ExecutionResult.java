package dev.bulwark.ledger.execution;

import dev.bulwark.ledger.chain.ValidatorSet;
import dev.bulwark.ledger.storage.WriteBatch;
import dev.bulwark.ledger.types.Hash;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * What executing a block produced: the header commitments it must carry, the transactions' hashes
 * (already known from decoding, so the store need not hash again), its receipts (one per
 * transaction, plus the block-level receipt when the system hooks logged), the base fees burned,
 * the next epoch's validator set at an epoch-ending block, and the staged state-tree nodes (which
 * also hold an uncommitted parent's nodes, so committing this result alone is enough). The batch is
 * only read after execution; do not modify it.
 */
public record ExecutionResult(
    Hash stateRoot,
    Hash transactionsRoot,
    Hash receiptsRoot,
    Hash evidenceRoot,
    List<Hash> transactionHashes,
    long gasUsed,
    List<Receipt> receipts,
    LogsBloom logsBloom,
    BigInteger burnedFees,
    Optional<ValidatorSet> nextValidatorSet,
    WriteBatch stateNodes) {
  public ExecutionResult {
    transactionHashes = List.copyOf(transactionHashes);
    receipts = List.copyOf(receipts);
    if (stateRoot == null
        || transactionsRoot == null
        || receiptsRoot == null
        || evidenceRoot == null
        || logsBloom == null
        || burnedFees == null
        || nextValidatorSet == null
        || stateNodes == null) {
      throw new IllegalArgumentException("execution result fields are required");
    }
  }
}
