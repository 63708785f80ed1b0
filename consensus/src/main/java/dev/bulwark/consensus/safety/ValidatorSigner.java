package dev.bulwark.consensus.safety;

import dev.bulwark.ledger.chain.SigningData;
import dev.bulwark.ledger.crypto.bls.BlsPublicKey;
import dev.bulwark.ledger.crypto.bls.BlsSecretKey;
import dev.bulwark.ledger.crypto.bls.BlsSignature;
import dev.bulwark.ledger.crypto.bls.SignatureScheme;
import dev.bulwark.ledger.types.Address;

/**
 * A validator's consensus key. Only {@link SafetyRules} holds one, so every consensus signature
 * passes its checks and is persisted before it leaves.
 */
public final class ValidatorSigner {
  private final Address address;
  private final BlsSecretKey secretKey;
  private final BlsPublicKey publicKey;
  private final SignatureScheme scheme;

  /**
   * The signer for validator {@code address} with BLS key {@code secretKey} under {@code scheme}.
   */
  public ValidatorSigner(Address address, BlsSecretKey secretKey, SignatureScheme scheme) {
    if (address == null || secretKey == null || scheme == null) {
      throw new IllegalArgumentException("signer needs an address, a secret key and a scheme");
    }
    this.address = address;
    this.secretKey = secretKey;
    this.publicKey = secretKey.publicKey();
    this.scheme = scheme;
  }

  /** The validator's account address. */
  public Address address() {
    return address;
  }

  /** The validator's BLS public key. */
  public BlsPublicKey publicKey() {
    return publicKey;
  }

  /** The signature scheme in use. */
  public SignatureScheme scheme() {
    return scheme;
  }

  BlsSignature sign(SigningData data) {
    return scheme.sign(secretKey, data.signingBytes().toArray());
  }
}
