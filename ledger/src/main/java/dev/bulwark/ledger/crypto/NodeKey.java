package dev.bulwark.ledger.crypto;

import dev.bulwark.ledger.types.Bytes;
import java.security.SecureRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * A node's p2p identity: an Ed25519 key (RFC 8032, pure variant, no context) that signs the
 * session handshake. Separate from the BLS consensus key and the secp256k1 account key so that
 * a compromised transport key cannot sign votes or move funds.
 */
public final class NodeKey {
  /** Size of the secret seed and of the public key. */
  public static final int KEY_SIZE = 32;
  /** Size of a signature. */
  public static final int SIGNATURE_SIZE = 64;

  private final Ed25519PrivateKeyParameters privateKey;
  private final Bytes publicKey;

  private NodeKey(Ed25519PrivateKeyParameters privateKey) {
    this.privateKey = privateKey;
    this.publicKey = Bytes.of(privateKey.generatePublicKey().getEncoded());
  }

  /** A fresh random key. */
  public static NodeKey generate(SecureRandom random) {
    return new NodeKey(new Ed25519PrivateKeyParameters(random));
  }

  /** The key of a 32-byte RFC 8032 secret seed. */
  public static NodeKey fromPrivateKey(Bytes privateKey) {
    if (privateKey == null || privateKey.size() != KEY_SIZE) {
      throw new IllegalArgumentException(
          "Ed25519 private key must be " + KEY_SIZE + " bytes, got "
              + (privateKey == null ? "null" : privateKey.size()));
    }
    return new NodeKey(new Ed25519PrivateKeyParameters(privateKey.toArray()));
  }

  /**
   * True when {@code publicKey} is 32 bytes encoding a curve point of large order; small-order
   * points are rejected because signatures under them prove nothing about a secret.
   */
  public static boolean isValidPublicKey(Bytes publicKey) {
    return publicKey != null
        && publicKey.size() == KEY_SIZE
        && Ed25519.validatePublicKeyFull(publicKey.toArray(), 0);
  }

  /** The 32-byte secret seed; handle with care. */
  public Bytes privateKey() {
    return Bytes.of(privateKey.getEncoded());
  }

  /** The 32-byte public key. */
  public Bytes publicKey() {
    return publicKey;
  }

  /** Signs {@code message}; the 64-byte result is deterministic. */
  public byte[] sign(byte[] message) {
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, privateKey);
    signer.update(message, 0, message.length);
    return signer.generateSignature();
  }

  /** True when {@code signature} is a valid signature of {@code message} under {@code publicKey}. */
  public static boolean verify(Bytes publicKey, byte[] message, Bytes signature) {
    if (signature == null || signature.size() != SIGNATURE_SIZE || !isValidPublicKey(publicKey)) {
      return false;
    }
    Ed25519Signer verifier = new Ed25519Signer();
    verifier.init(false, new Ed25519PublicKeyParameters(publicKey.toArray()));
    verifier.update(message, 0, message.length);
    return verifier.verifySignature(signature.toArray());
  }

  @Override
  public String toString() {
    return "NodeKey[" + publicKey.toHex() + "]";
  }
}
