package dev.bulwark.genesis.model;

import dev.bulwark.ledger.crypto.bls.BlsPublicKey;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import java.math.BigInteger;

/** The parts of a validator entry that whole-file rules look at; null where a value did not parse. */
public record ValidatorDraft(
    Address address, BlsPublicKey blsPublicKey, Bytes nodePublicKey, BigInteger stake,
    Endpoint p2pEndpoint) {

  /** The draft of a complete validator. */
  public static ValidatorDraft of(GenesisValidator v) {
    return new ValidatorDraft(v.address(), v.blsPublicKey(), v.nodePublicKey(), v.stake(), v.p2pEndpoint());
  }
}
