package dev.bulwark.ledger.mempool;

import dev.bulwark.ledger.types.Address;
import java.math.BigInteger;

/**
 * The two account fields the mempool reads from a committed state: a narrow read port that the
 * ledger's state implements. A view is a snapshot of one committed block and must not change
 * (the pool caches what it reads until the next commit hands it a new view). The pool calls it
 * while holding its lock, so it should answer from memory or a cache, not block on I/O for long.
 */
public interface AccountStateView {

  /** The account's nonce (uint64 in a long); 0 for an account that does not exist. */
  long nonce(Address account);

  /** The account's balance in wei; zero for an account that does not exist. */
  BigInteger balance(Address account);
}
