package dev.bulwark.genesis.generator;

import dev.bulwark.ledger.crypto.NodeKey;
import dev.bulwark.ledger.crypto.Secp256k1;
import dev.bulwark.ledger.crypto.bls.Bls;
import dev.bulwark.ledger.crypto.bls.BlsKeyPair;
import dev.bulwark.ledger.crypto.bls.BlsSignature;
import dev.bulwark.ledger.types.Address;
import java.security.SecureRandom;

/** A validator's three keys: BLS (consensus), secp256k1 (account) and Ed25519 (p2p node). */
public record ValidatorKeys(BlsKeyPair bls, Secp256k1.KeyPair account, NodeKey node) {
  public ValidatorKeys {
    if (bls == null || account == null || node == null) {
      throw new IllegalArgumentException("a validator needs a BLS, an account and a node key");
    }
  }

  /** Three fresh random keys. */
  public static ValidatorKeys generate(SecureRandom random) {
    return new ValidatorKeys(
        BlsKeyPair.generate(random), Secp256k1.generate(random), NodeKey.generate(random));
  }

  /** The account address: the validator's identity in the staking module. */
  public Address address() {
    return account.address();
  }

  /** The proof of possession of the BLS key that genesis and register() require. */
  public BlsSignature proofOfPossession() {
    return Bls.proveOfPossession(bls.secretKey());
  }

  @Override
  public String toString() {
    return "ValidatorKeys[" + address() + "]";
  }
}
