package dev.bulwark.ledger.crypto;

import dev.bulwark.ledger.types.Bytes;
import fr.acinq.secp256k1.Secp256k1Exception;
import java.math.BigInteger;
import java.util.Optional;

/**
 * secp256k1 public key recovery in bitcoin-core libsecp256k1, through the ACINQ JNI binding
 * (secp256k1-kmp), whose jar carries the linux x86_64 and aarch64 libraries.
 */
final class NativeSecp256k1 {
  private final fr.acinq.secp256k1.Secp256k1 lib;

  private NativeSecp256k1(fr.acinq.secp256k1.Secp256k1 lib) {
    this.lib = lib;
  }

  /**
   * Loads the native library and makes one call through it. Throws what loading throws: an
   * ExceptionInInitializerError (or NoClassDefFoundError once that happened) when the jars, the
   * platform's library or its extraction to a temporary file are missing, an UnsatisfiedLinkError
   * when the library lacks the recovery symbol.
   */
  static NativeSecp256k1 load() {
    NativeSecp256k1 loaded = new NativeSecp256k1(fr.acinq.secp256k1.Secp256k1.get());
    // JNI binds a native method on its first call: make that happen here, not on a hot path.
    loaded.recover(new byte[32], new Secp256k1.Signature(BigInteger.ONE, BigInteger.ONE, 0));
    return loaded;
  }

  /** The 64-byte public key that produced {@code sig} over {@code hash32}, or empty when none. */
  Optional<Bytes> recover(byte[] hash32, Secp256k1.Signature sig) {
    byte[] compact = new byte[64];
    putUnsigned32(sig.r(), compact, 0);
    putUnsigned32(sig.s(), compact, 32);
    byte[] point;
    try {
      point = lib.ecdsaRecover(compact, hash32, sig.recId());
    } catch (Secp256k1Exception noPoint) {
      // libsecp256k1 reports every "no key" outcome this way (r not an x coordinate, result at
      // infinity); r and s are in [1, n-1] already, so parsing the compact form cannot fail.
      return Optional.empty();
    }
    return Optional.of(Bytes.of(point, 1, 64)); // drop the 0x04 uncompressed-point prefix
  }

  private static void putUnsigned32(BigInteger v, byte[] out, int offset) {
    byte[] b = v.toByteArray(); // big-endian, possibly with a leading sign byte
    int len = Math.min(b.length, 32);
    System.arraycopy(b, b.length - len, out, offset + 32 - len, len);
  }
}
