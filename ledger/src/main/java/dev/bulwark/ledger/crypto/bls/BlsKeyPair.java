package dev.bulwark.ledger.crypto.bls;

import java.security.SecureRandom;

/** A BLS secret key with its public key. */
public record BlsKeyPair(BlsSecretKey secretKey, BlsPublicKey publicKey) {
  public BlsKeyPair {
    if (secretKey == null || publicKey == null) {
      throw new IllegalArgumentException("BLS key pair needs both keys");
    }
  }

  /** A fresh random key pair. */
  public static BlsKeyPair generate(SecureRandom random) {
    return fromSecretKey(BlsSecretKey.generate(random));
  }

  /** The pair for an existing secret key. */
  public static BlsKeyPair fromSecretKey(BlsSecretKey sk) {
    return new BlsKeyPair(sk, sk.publicKey());
  }
}
