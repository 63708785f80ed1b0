/**
 * {@code bulwark bench ledger}: a plain warm-up + measured harness for execution throughput, the
 * state-root update cost at two state sizes, and sender recovery. Not run by {@code verify}.
 */
package dev.bulwark.ledger.bench;
