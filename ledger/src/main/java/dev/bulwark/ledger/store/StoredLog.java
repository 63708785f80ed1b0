package dev.bulwark.ledger.store;

import dev.bulwark.ledger.execution.Log;
import dev.bulwark.ledger.types.Hash;

/** A log as eth_getLogs returns it: the entry and where it was emitted. */
public record StoredLog(
    Log log,
    long blockNumber,
    Hash blockHash,
    Hash transactionHash,
    int transactionIndex,
    int logIndex) {}
