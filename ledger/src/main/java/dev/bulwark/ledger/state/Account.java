package dev.bulwark.ledger.state;

import dev.bulwark.ledger.types.UInt256;
import java.math.BigInteger;

/** An account: nonce (uint64, compare unsigned) and balance (uint256 base units). */
public record Account(long nonce, BigInteger balance) {
  /** The state of an address never touched. */
  public static final Account EMPTY = new Account(0, BigInteger.ZERO);

  public Account {
    if (!UInt256.isValid(balance)) {
      throw new IllegalArgumentException("balance must be a uint256, got " + balance);
    }
  }

  /** True for the never-touched state (stored as an absent leaf). */
  public boolean isEmpty() {
    return nonce == 0 && balance.signum() == 0;
  }

  /** This account with {@code delta} added to the balance (negative to debit). */
  public Account withBalanceDelta(BigInteger delta) {
    return new Account(nonce, balance.add(delta));
  }

  /** This account with its nonce incremented. */
  public Account withNextNonce() {
    return new Account(nonce + 1, balance);
  }
}
