package dev.bulwark.ledger.crypto;

import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9IntegerConverter;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.math.ec.custom.sec.SecP256K1Curve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * secp256k1 ECDSA as Ethereum uses it: RFC 6979 nonces, low-s signatures, public key recovery.
 *
 * <p>Public key recovery (sender recovery, the hot path) runs in bitcoin-core libsecp256k1 through
 * the ACINQ JNI binding when its native library loads, 3–4× faster than BouncyCastle, and falls
 * back to BouncyCastle when it does not (unsupported platform, missing jars, or no writable and
 * executable directory to extract the library to: {@code java.io.tmpdir}, or the binding's own
 * {@code -Dfr.acinq.secp256k1.tmpdir}). The choice is made once, when this class initializes, and
 * logged at INFO; {@link #recoveryBackend()} names it. The system property {@code
 * -Dbulwark.secp256k1=bc} forces BouncyCastle, for tests and for operators who would rather not run
 * native code. Both backends give the same result for every input. Key generation and signing
 * always use BouncyCastle.
 */
public final class Secp256k1 {
  /** The system property that selects the recovery backend: {@code bc} forces BouncyCastle. */
  public static final String BACKEND_PROPERTY = "bulwark.secp256k1";

  private static final Logger LOG = LoggerFactory.getLogger(Secp256k1.class);
  private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");
  private static final ECDomainParameters DOMAIN =
      new ECDomainParameters(PARAMS.getCurve(), PARAMS.getG(), PARAMS.getN(), PARAMS.getH());
  /** The group order n. */
  public static final BigInteger N = PARAMS.getN();
  /** n / 2: signatures with s above it are malleable and rejected by EIP-2. */
  public static final BigInteger HALF_N = N.shiftRight(1);
  /** libsecp256k1, or null when recovery runs in BouncyCastle. */
  private static final NativeSecp256k1 NATIVE = selectNative(System.getProperty(BACKEND_PROPERTY));

  private Secp256k1() {}

  /** A private key with its 64-byte uncompressed public key (x ‖ y, no 0x04 prefix). */
  public record KeyPair(Bytes privateKey, Bytes publicKey) {
    public KeyPair {
      if (privateKey == null || privateKey.size() != 32) {
        throw new IllegalArgumentException("secp256k1 private key must be 32 bytes");
      }
      if (publicKey == null || publicKey.size() != 64) {
        throw new IllegalArgumentException("secp256k1 public key must be 64 bytes");
      }
    }

    /** The Ethereum address: the last 20 bytes of keccak256(publicKey). */
    public Address address() {
      return addressOf(publicKey);
    }

    @Override
    public String toString() {
      return "KeyPair[" + address() + "]";
    }
  }

  /** An ECDSA signature with its recovery id (0 or 1: the parity of R's y coordinate). */
  public record Signature(BigInteger r, BigInteger s, int recId) {
    public Signature {
      if (r.signum() <= 0 || r.compareTo(N) >= 0 || s.signum() <= 0 || s.compareTo(N) >= 0) {
        throw new IllegalArgumentException("signature r and s must be in [1, n-1]");
      }
      if (recId != 0 && recId != 1) {
        throw new IllegalArgumentException("recovery id must be 0 or 1, got " + recId);
      }
    }

    /** True when s ≤ n/2 (EIP-2). */
    public boolean isLowS() {
      return s.compareTo(HALF_N) <= 0;
    }
  }

  /** A fresh random key pair. */
  public static KeyPair generate(SecureRandom random) {
    byte[] k = new byte[32];
    while (true) {
      random.nextBytes(k);
      BigInteger v = new BigInteger(1, k);
      if (v.signum() > 0 && v.compareTo(N) < 0) {
        return fromPrivateKey(Bytes.of(k));
      }
    }
  }

  /** The key pair of a 32-byte private key; rejects zero and values ≥ n. */
  public static KeyPair fromPrivateKey(Bytes privateKey) {
    if (privateKey.size() != 32) {
      throw new IllegalArgumentException(
          "secp256k1 private key must be 32 bytes, got " + privateKey.size());
    }
    BigInteger d = new BigInteger(1, privateKey.toArray());
    if (d.signum() == 0 || d.compareTo(N) >= 0) {
      throw new IllegalArgumentException("secp256k1 private key out of range (must be 0 < k < n)");
    }
    ECPoint q = new FixedPointCombMultiplier().multiply(DOMAIN.getG(), d).normalize();
    return new KeyPair(privateKey, uncompressed(q));
  }

  /** The Ethereum address of a 64-byte public key. */
  public static Address addressOf(Bytes publicKey) {
    if (publicKey.size() != 64) {
      throw new IllegalArgumentException("public key must be 64 bytes, got " + publicKey.size());
    }
    byte[] h = Keccak.hash256(publicKey.toArray());
    return Address.of(Arrays.copyOfRange(h, 12, 32));
  }

  /** Signs a 32-byte hash deterministically (RFC 6979) with a low s and its recovery id. */
  public static Signature sign(byte[] hash32, KeyPair key) {
    checkHash(hash32);
    ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
    signer.init(true, new ECPrivateKeyParameters(new BigInteger(1, key.privateKey().toArray()), DOMAIN));
    BigInteger[] rs = signer.generateSignature(hash32);
    BigInteger r = rs[0];
    BigInteger s = rs[1].compareTo(HALF_N) > 0 ? N.subtract(rs[1]) : rs[1];
    // The recovery id by trial recovery, in libsecp256k1 when loaded (3-4x faster than BouncyCastle),
    // which matters to loadgen's pre-signing of many thousands of transfers.
    for (int recId = 0; recId < 2; recId++) {
      Optional<Bytes> pk = recover(hash32, new Signature(r, s, recId));
      if (pk.isPresent() && pk.get().equals(key.publicKey())) {
        return new Signature(r, s, recId);
      }
    }
    throw new IllegalStateException("could not compute a recovery id for a fresh signature");
  }

  /**
   * Recovers the 64-byte public key that produced {@code sig} over {@code hash32} (SEC 1 v2
   * section 4.1.6), or empty when no key does. Does not enforce low s; callers apply EIP-2.
   */
  public static Optional<Bytes> recover(byte[] hash32, Signature sig) {
    if (NATIVE == null) {
      return recoverWithBouncyCastle(hash32, sig); // checks the hash itself
    }
    checkHash(hash32);
    return NATIVE.recover(hash32, sig);
  }

  /** The library {@link #recover} runs in: "libsecp256k1" or "BouncyCastle". */
  public static String recoveryBackend() {
    return NATIVE != null ? "libsecp256k1" : "BouncyCastle";
  }

  /** {@link #recover} in BouncyCastle, whichever backend is selected. */
  static Optional<Bytes> recoverWithBouncyCastle(byte[] hash32, Signature sig) {
    checkHash(hash32);
    BigInteger prime = SecP256K1Curve.q;
    // recId 0/1 only: x = r (Ethereum never produces r ≥ n candidates, recId 2/3).
    BigInteger x = sig.r();
    if (x.compareTo(prime) >= 0) {
      return Optional.empty();
    }
    // secp256k1 has cofactor 1: every curve point is in the prime-order group, so no n·R check.
    ECPoint rPoint = decompress(x, sig.recId() == 1);
    if (rPoint == null) {
      return Optional.empty();
    }
    BigInteger e = new BigInteger(1, hash32);
    BigInteger rInv = sig.r().modInverse(N);
    BigInteger eInvRInv = N.subtract(e).mod(N).multiply(rInv).mod(N);
    BigInteger sRInv = rInv.multiply(sig.s()).mod(N);
    ECPoint q = ECAlgorithms.sumOfTwoMultiplies(DOMAIN.getG(), eInvRInv, rPoint, sRInv).normalize();
    if (q.isInfinity()) {
      return Optional.empty();
    }
    return Optional.of(uncompressed(q));
  }

  /** libsecp256k1, or null (BouncyCastle) when {@code property} is "bc" or it does not load. */
  static NativeSecp256k1 selectNative(String property) {
    if ("bc".equals(property)) {
      LOG.info("secp256k1 recovery: BouncyCastle (-D{}=bc)", BACKEND_PROPERTY);
      return null;
    }
    if (property != null) {
      LOG.warn("Ignoring -D{}={}: the only value is bc", BACKEND_PROPERTY, property);
    }
    try {
      NativeSecp256k1 loaded = NativeSecp256k1.load();
      LOG.info("secp256k1 recovery: libsecp256k1 (native, ACINQ JNI)");
      return loaded;
    } catch (LinkageError | RuntimeException e) {
      LOG.info(
          "libsecp256k1 did not load ({}); secp256k1 recovery falls back to BouncyCastle",
          rootCause(e).toString());
      return null;
    }
  }

  private static Throwable rootCause(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }

  private static ECPoint decompress(BigInteger x, boolean yOdd) {
    X9IntegerConverter conv = new X9IntegerConverter();
    byte[] enc = conv.integerToBytes(x, 1 + conv.getByteLength(DOMAIN.getCurve()));
    enc[0] = (byte) (yOdd ? 0x03 : 0x02);
    try {
      return DOMAIN.getCurve().decodePoint(enc);
    } catch (IllegalArgumentException notOnCurve) {
      return null; // x is not the abscissa of any curve point: no key recovers
    }
  }

  private static Bytes uncompressed(ECPoint q) {
    byte[] enc = q.getEncoded(false);
    return Bytes.of(enc, 1, 64);
  }

  private static void checkHash(byte[] hash32) {
    if (hash32.length != 32) {
      throw new IllegalArgumentException("message hash must be 32 bytes, got " + hash32.length);
    }
  }
}
