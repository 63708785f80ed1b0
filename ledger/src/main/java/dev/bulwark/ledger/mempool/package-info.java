/**
 * The transaction pool: admission with Ethereum's rejection texts, per-sender nonce ordering with
 * gaps held back, bounded size with eviction of the cheapest, block payload selection and cleanup
 * after each commit. {@link dev.bulwark.ledger.mempool.Mempool} is the entry point; the committed
 * state reaches it only through the {@link dev.bulwark.ledger.mempool.AccountStateView} port.
 */
package dev.bulwark.ledger.mempool;
