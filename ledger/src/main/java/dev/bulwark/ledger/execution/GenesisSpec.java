package dev.bulwark.ledger.execution;

import dev.bulwark.ledger.crypto.bls.BlsPublicKey;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the ledger needs from a genesis file to build block 0 and its state (the genesis module
 * validates the file and maps it to this). Block 0 ends epoch 0: epoch 1, whose validator set is
 * {@link #validators}, starts at round 1 on top of it.
 */
public record GenesisSpec(
    ChainParams params,
    long genesisTimeSeconds,
    Map<Address, BigInteger> alloc,
    List<Validator> validators) {

  /** A genesis validator: account address, consensus and p2p keys, initial bonded stake. */
  public record Validator(Address address, BlsPublicKey blsPublicKey, Bytes nodePublicKey, BigInteger stake) {
    public Validator {
      if (address == null || blsPublicKey == null || nodePublicKey == null || stake == null
          || stake.signum() <= 0) {
        throw new IllegalArgumentException("genesis validator needs keys and a positive stake");
      }
    }
  }

  public GenesisSpec {
    alloc = java.util.Collections.unmodifiableMap(new TreeMap<>(alloc)); // address order: deterministic
    validators = List.copyOf(validators);
    if (validators.isEmpty()) {
      throw new IllegalArgumentException("genesis needs at least one validator");
    }
  }
}
