package dev.bulwark.ledger.staking;

import dev.bulwark.ledger.types.Bytes;
import java.math.BigInteger;
import java.util.List;

/** A decoded call: the function its selector names and its arguments. */
record Invocation(StakingFunction function, List<Object> args) {
  Invocation {
    args = List.copyOf(args);
  }

  /** Decodes call data; reverts "unknown function" or "invalid call data". */
  static Invocation decode(Bytes data) throws Revert {
    if (data.size() < AbiCodec.SELECTOR_SIZE) {
      throw new Revert("unknown function");
    }
    StakingFunction f = StakingFunction.bySelector(data.slice(0, AbiCodec.SELECTOR_SIZE))
        .orElseThrow(() -> new Revert("unknown function"));
    try {
      return new Invocation(f, AbiCodec.decode(data.slice(AbiCodec.SELECTOR_SIZE, data.size()), f.inputs()));
    } catch (AbiDecodeException e) {
      throw new Revert("invalid call data");
    }
  }

  /** Reverts "function is not payable" when value is sent to a function that takes none. */
  void requireValue(BigInteger value) throws Revert {
    if (value.signum() != 0 && function.mutability() != StakingFunction.Mutability.PAYABLE) {
      throw new Revert("function is not payable");
    }
  }
}
