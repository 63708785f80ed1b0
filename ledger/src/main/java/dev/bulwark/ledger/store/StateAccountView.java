package dev.bulwark.ledger.store;

import dev.bulwark.ledger.mempool.AccountStateView;
import dev.bulwark.ledger.state.StateReader;
import dev.bulwark.ledger.types.Address;
import java.math.BigInteger;

/** The mempool's read port over one committed state. */
public record StateAccountView(StateReader state) implements AccountStateView {
  @Override
  public long nonce(Address account) {
    return state.account(account).nonce();
  }

  @Override
  public BigInteger balance(Address account) {
    return state.account(account).balance();
  }
}
