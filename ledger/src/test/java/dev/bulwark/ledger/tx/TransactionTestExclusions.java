package dev.bulwark.ledger.tx;

import java.util.Map;

/**
 * The one list of ethereum/tests TransactionTests vectors Bulwark does not run, keyed by {@code
 * <dir>/<file>#<entry>}, each with the reason. An excluded vector is reported as skipped with its
 * reason; an entry naming no existing vector fails the suite, so the list cannot go stale.
 *
 * <p>Empty: every vector's rule is implemented by the codec or {@link TransactionRules}.
 * Bulwark's one deliberate divergence (no contract creation) does not need an exclusion: the
 * valid contract-creation vectors still check decoding, hash, sender and intrinsic gas, and their
 * admission is expected to fail with exactly that documented reason.
 */
final class TransactionTestExclusions {
  /** Vector key to the reason it is not run. */
  static final Map<String, String> EXCLUDED = Map.of();

  private TransactionTestExclusions() {}
}
