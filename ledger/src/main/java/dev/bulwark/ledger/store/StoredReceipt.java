package dev.bulwark.ledger.store;

import dev.bulwark.ledger.execution.Receipt;
import dev.bulwark.ledger.types.Hash;

/**
 * A committed receipt with its place in the chain and the block-wide index of its first log. For
 * the block-level receipt (system hooks' logs), {@code transactionHash} is the block hash, {@code
 * index} the number of transactions, and {@link #blockLevel()} is true.
 */
public record StoredReceipt(
    Receipt receipt,
    Hash transactionHash,
    Hash blockHash,
    long blockNumber,
    int index,
    int firstLogIndex,
    boolean blockLevel) {}
