/**
 * Key-value storage: the {@link dev.bulwark.ledger.storage.KeyValueStore} port, its LevelDB and
 * in-memory adapters, atomic write batches and the store's identity metadata (DESIGN.md section 3).
 */
package dev.bulwark.ledger.storage;
