package dev.bulwark.ledger.mempool;

import dev.bulwark.ledger.types.Address;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

/** A map-backed {@link AccountStateView}: absent accounts have nonce 0 and balance 0. */
final class FakeState implements AccountStateView {
  private final Map<Address, Long> nonces = new HashMap<>();
  private final Map<Address, BigInteger> balances = new HashMap<>();

  @Override
  public long nonce(Address account) {
    return nonces.getOrDefault(account, 0L);
  }

  @Override
  public BigInteger balance(Address account) {
    return balances.getOrDefault(account, BigInteger.ZERO);
  }

  FakeState withNonce(Address account, long nonce) {
    nonces.put(account, nonce);
    return this;
  }

  FakeState withBalance(Address account, BigInteger balance) {
    balances.put(account, balance);
    return this;
  }

  /** An independent copy, as the next committed state starts from this one. */
  FakeState copy() {
    FakeState copy = new FakeState();
    copy.nonces.putAll(nonces);
    copy.balances.putAll(balances);
    return copy;
  }
}
