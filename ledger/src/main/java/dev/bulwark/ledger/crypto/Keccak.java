package dev.bulwark.ledger.crypto;

import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import org.bouncycastle.crypto.digests.KeccakDigest;

/** Keccak-256 as Ethereum uses it (not the JDK's FIPS SHA3-256, whose padding differs). */
public final class Keccak {
  private Keccak() {}

  /** keccak256 of the concatenation of the given parts. */
  public static byte[] hash256(byte[]... parts) {
    KeccakDigest d = new KeccakDigest(256);
    for (byte[] p : parts) {
      d.update(p, 0, p.length);
    }
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return out;
  }

  /** keccak256 of {@code data} as a {@link Hash}. */
  public static Hash hash(byte[] data) {
    return Hash.of(hash256(data));
  }

  /** keccak256 of {@code data} as a {@link Hash}. */
  public static Hash hash(Bytes data) {
    return Hash.of(hash256(data.toArray()));
  }
}
