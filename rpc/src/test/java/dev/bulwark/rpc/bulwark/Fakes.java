package dev.bulwark.rpc.bulwark;

import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import java.util.Optional;

/** Fixed port answers for tests of the methods that only relay what node reports. */
final class Fakes {
  static final Bytes NODE_KEY = Bytes.fromHex("11".repeat(32));
  static final Address VALIDATOR = Address.fromHex("0x" + "22".repeat(20));
  static final Address LEADER = Address.fromHex("0x" + "33".repeat(20));

  private Fakes() {}

  static ConsensusView consensus() {
    return new ConsensusView() {
      @Override
      public ConsensusSnapshot snapshot() {
        return new ConsensusSnapshot(4, 17, 16, Optional.of(LEADER), 1_700_000_123_456L, 2, false);
      }

      @Override
      public String role() {
        return "validator";
      }

      @Override
      public Bytes nodePublicKey() {
        return NODE_KEY;
      }

      @Override
      public Optional<Address> validatorAddress() {
        return Optional.of(VALIDATOR);
      }
    };
  }
}
