package dev.bulwark.ledger.crypto.bls;

import dev.bulwark.ledger.types.Bytes;
import supranational.blst.P2;
import supranational.blst.P2_Affine;

/** A BLS12-381 signature (G2, 96-byte compressed form); parsing checks the encoding only. */
public final class BlsSignature {
  /** Length of the compressed encoding. */
  public static final int SIZE = 96;

  /**
   * The point at infinity (compressed: 0xc0 then zeros): the aggregate of no signatures. It
   * verifies for no valid key; Bulwark uses it only in an epoch's unsigned round-0 certificate.
   */
  public static final BlsSignature INFINITY = infinity();

  private final Bytes bytes;
  private final P2_Affine point;

  private BlsSignature(Bytes bytes, P2_Affine point) {
    this.bytes = bytes;
    this.point = point;
  }

  static BlsSignature ofPoint(P2 point) {
    return new BlsSignature(Bytes.of(point.compress()), point.to_affine());
  }

  /**
   * Parses a compressed signature; throws IllegalArgumentException for a wrong length or an
   * encoding that is not a curve point. Subgroup membership is checked at verification.
   */
  public static BlsSignature fromBytes(Bytes bytes) {
    if (bytes.size() != SIZE) {
      throw new IllegalArgumentException(
          "BLS signature must be " + SIZE + " bytes (compressed G2), got " + bytes.size());
    }
    try {
      return new BlsSignature(bytes, new P2_Affine(bytes.toArray()));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("BLS signature is not a valid G2 point encoding", e);
    }
  }

  /**
   * Wraps 96 bytes without parsing them as a point: the value type for non-BLS test schemes
   * (see {@link SignatureScheme}). Every real BLS operation rejects such a signature.
   */
  public static BlsSignature opaque(Bytes bytes) {
    if (bytes.size() != SIZE) {
      throw new IllegalArgumentException("signature must be " + SIZE + " bytes, got " + bytes.size());
    }
    return new BlsSignature(bytes, null);
  }

  private static BlsSignature infinity() {
    byte[] b = new byte[SIZE];
    b[0] = (byte) 0xc0;
    return fromBytes(Bytes.of(b));
  }

  /** The 96-byte compressed encoding. */
  public Bytes toBytes() {
    return bytes;
  }

  /** The parsed point, or null for an {@link #opaque} value. */
  P2_Affine point() {
    return point;
  }

  /** True when this value was parsed as a G2 point in the prime-order subgroup. */
  boolean isValidPoint() {
    return point != null && point.in_group();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BlsSignature s && bytes.equals(s.bytes);
  }

  @Override
  public int hashCode() {
    return bytes.hashCode();
  }

  @Override
  public String toString() {
    return bytes.toHex();
  }
}
