package dev.bulwark.ledger.crypto.bls;

import java.util.List;

/**
 * The aggregate-signature operations consensus needs, behind one interface so that the seeded
 * simulation can swap real BLS for a fast deterministic stand-in; production always uses {@link #BLS}.
 */
public interface SignatureScheme {
  /** Real BLS12-381 (min-pk, proof-of-possession scheme). */
  SignatureScheme BLS = new SignatureScheme() {
    @Override
    public BlsSignature sign(BlsSecretKey sk, byte[] message) {
      return Bls.sign(sk, message);
    }

    @Override
    public boolean verify(BlsPublicKey pk, byte[] message, BlsSignature sig) {
      return Bls.verify(pk, message, sig);
    }

    @Override
    public BlsSignature aggregate(List<BlsSignature> signatures) {
      return Bls.aggregate(signatures);
    }

    @Override
    public boolean fastAggregateVerify(List<BlsPublicKey> keys, byte[] message, BlsSignature agg) {
      return Bls.fastAggregateVerify(keys, message, agg);
    }

    @Override
    public boolean aggregateVerify(List<BlsPublicKey> keys, List<byte[]> messages, BlsSignature agg) {
      return Bls.aggregateVerify(keys, messages, agg);
    }

    @Override
    public String toString() {
      return "bls12-381";
    }
  };

  /** Signs {@code message}. */
  BlsSignature sign(BlsSecretKey sk, byte[] message);

  /** Verifies one signature. */
  boolean verify(BlsPublicKey pk, byte[] message, BlsSignature sig);

  /**
   * Aggregates signatures; throws IllegalArgumentException for an empty list, and {@link
   * InvalidSignaturePointException} for a signature that is not a valid point.
   */
  BlsSignature aggregate(List<BlsSignature> signatures);

  /** Every key signed the same message (quorum certificates). */
  boolean fastAggregateVerify(List<BlsPublicKey> keys, byte[] message, BlsSignature aggregate);

  /** Key i signed message i (timeout certificates). */
  boolean aggregateVerify(List<BlsPublicKey> keys, List<byte[]> messages, BlsSignature aggregate);
}
