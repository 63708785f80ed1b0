/**
 * The committed chain on the key-value store: {@link dev.bulwark.ledger.store.ChainStore} (one
 * atomic synced batch per block; blocks, proofs, state, transaction/receipt/log indexes, validator
 * sets) and {@link dev.bulwark.ledger.store.Ledger}, the facade the node uses to execute, build,
 * commit and read (DESIGN.md section 3, Storage).
 */
package dev.bulwark.ledger.store;
