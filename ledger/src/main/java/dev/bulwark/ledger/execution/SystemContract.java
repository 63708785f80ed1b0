package dev.bulwark.ledger.execution;

import dev.bulwark.ledger.state.MutableState;
import dev.bulwark.ledger.state.StateReader;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import java.math.BigInteger;

/**
 * A native module at a fixed address, called with Solidity-ABI data (there is no EVM). The
 * executor charges {@link #gasCost}, moves {@code value} to the module, then calls it; on a
 * revert it rolls the state back to before the value transfer.
 */
public interface SystemContract {
  /** The module's address. */
  Address address();

  /** The fixed, documented gas of a call with {@code data}. */
  long gasCost(Bytes data);

  /** Executes a transaction's call. */
  CallOutcome call(BlockContext block, Address sender, BigInteger value, Bytes data, MutableState state);

  /** A read-only call (eth_call); must not change state. */
  CallOutcome view(Address sender, Bytes data, StateReader state);
}
