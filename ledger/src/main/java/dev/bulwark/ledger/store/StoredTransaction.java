package dev.bulwark.ledger.store;

import dev.bulwark.ledger.tx.SignedTransaction;
import dev.bulwark.ledger.types.Hash;

/** A committed transaction with its place in the chain. */
public record StoredTransaction(
    SignedTransaction transaction, Hash blockHash, long blockNumber, int index) {}
