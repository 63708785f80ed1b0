package dev.bulwark.ledger.crypto.bls;

import dev.bulwark.ledger.types.Bytes;
import java.math.BigInteger;
import java.security.SecureRandom;
import supranational.blst.SecretKey;

/** A BLS12-381 secret scalar (32 bytes, big-endian, 0 &lt; sk &lt; r). */
public final class BlsSecretKey {
  /** Order r of the BLS12-381 scalar field. */
  static final BigInteger CURVE_ORDER =
      new BigInteger("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", 16);

  private final SecretKey key;

  private BlsSecretKey(SecretKey key) {
    this.key = key;
  }

  /** A fresh key from 32 bytes of the given randomness (IETF KeyGen). */
  public static BlsSecretKey generate(SecureRandom random) {
    byte[] ikm = new byte[32];
    random.nextBytes(ikm);
    return keyGen(Bytes.of(ikm));
  }

  /**
   * IETF KeyGen from input keying material of at least 32 bytes: the same material always gives
   * the same key (deterministic key derivation, test fixtures).
   */
  public static BlsSecretKey keyGen(Bytes ikm) {
    if (ikm.size() < 32) {
      throw new IllegalArgumentException("BLS KeyGen needs at least 32 bytes of keying material");
    }
    SecretKey sk = new SecretKey();
    sk.keygen(ikm.toArray());
    return new BlsSecretKey(sk);
  }

  /** Parses 32 big-endian bytes; rejects zero and values at or above the curve order. */
  public static BlsSecretKey fromBytes(Bytes bytes) {
    if (bytes.size() != 32) {
      throw new IllegalArgumentException("BLS secret key must be 32 bytes, got " + bytes.size());
    }
    BigInteger v = new BigInteger(1, bytes.toArray());
    if (v.signum() == 0 || v.compareTo(CURVE_ORDER) >= 0) {
      throw new IllegalArgumentException("BLS secret key out of range (must be 0 < sk < r)");
    }
    SecretKey sk = new SecretKey();
    sk.from_bendian(bytes.toArray());
    return new BlsSecretKey(sk);
  }

  /** The 32-byte big-endian encoding; handle with care. */
  public Bytes toBytes() {
    return Bytes.of(key.to_bendian());
  }

  /** The matching public key. */
  public BlsPublicKey publicKey() {
    return BlsPublicKey.derive(key);
  }

  SecretKey raw() {
    return key;
  }

  @Override
  public String toString() {
    return "BlsSecretKey[redacted]";
  }
}
