package dev.bulwark.ledger.crypto.bls;

import dev.bulwark.ledger.types.Bytes;
import supranational.blst.P1;
import supranational.blst.P1_Affine;
import supranational.blst.SecretKey;

/** A validated BLS12-381 public key (G1, 48-byte compressed form); equality by bytes. */
public final class BlsPublicKey implements Comparable<BlsPublicKey> {
  /** Length of the compressed encoding. */
  public static final int SIZE = 48;

  private final Bytes bytes;
  private final P1_Affine point;

  private BlsPublicKey(Bytes bytes, P1_Affine point) {
    this.bytes = bytes;
    this.point = point;
  }

  static BlsPublicKey derive(SecretKey sk) {
    P1 p = new P1(sk);
    return new BlsPublicKey(Bytes.of(p.compress()), p.to_affine());
  }

  static BlsPublicKey ofPoint(P1_Affine point) {
    return new BlsPublicKey(Bytes.of(point.compress()), point);
  }

  /**
   * Parses a compressed key and runs KeyValidate: on the curve, in the prime-order subgroup,
   * not the identity. Throws IllegalArgumentException with the reason otherwise.
   */
  public static BlsPublicKey fromBytes(Bytes bytes) {
    if (bytes.size() != SIZE) {
      throw new IllegalArgumentException(
          "BLS public key must be " + SIZE + " bytes (compressed G1), got " + bytes.size());
    }
    P1_Affine p;
    try {
      p = new P1_Affine(bytes.toArray());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("BLS public key is not a valid G1 point encoding", e);
    }
    if (p.is_inf()) {
      throw new IllegalArgumentException("BLS public key is the identity point");
    }
    if (!p.in_group()) {
      throw new IllegalArgumentException("BLS public key is not in the G1 subgroup");
    }
    return new BlsPublicKey(bytes, p);
  }

  /** The 48-byte compressed encoding. */
  public Bytes toBytes() {
    return bytes;
  }

  P1_Affine point() {
    return point;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BlsPublicKey k && bytes.equals(k.bytes);
  }

  @Override
  public int hashCode() {
    return bytes.hashCode();
  }

  @Override
  public int compareTo(BlsPublicKey o) {
    return bytes.compareTo(o.bytes);
  }

  @Override
  public String toString() {
    return bytes.toHex();
  }
}
