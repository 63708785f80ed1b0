package dev.bulwark.ledger.crypto.bls;

import java.util.List;
import supranational.blst.BLST_ERROR;
import supranational.blst.P1;
import supranational.blst.P1_Affine;
import supranational.blst.P2;
import supranational.blst.P2_Affine;
import supranational.blst.Pairing;

/**
 * BLS12-381 in the min-pk proof-of-possession scheme (IETF draft-irtf-cfrg-bls-signature-05):
 * public keys in G1, signatures in G2. Keys are admitted only with a verified proof of
 * possession, which is what makes same-message aggregation (QCs) safe against rogue keys.
 *
 * <p>Verification methods return false for every bad input (empty lists, mismatched lengths,
 * signatures outside G2); the aggregation methods, which callers feed with their own data, throw
 * IllegalArgumentException instead ({@link InvalidSignaturePointException} for a signature
 * outside G2).
 */
public final class Bls {
  /** Domain separation tag for signatures. */
  public static final String SIGNATURE_DST = "BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_";
  /** Domain separation tag for proofs of possession. */
  public static final String POP_DST = "BLS_POP_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_";

  private Bls() {}

  /** Signs {@code message}. */
  public static BlsSignature sign(BlsSecretKey sk, byte[] message) {
    return BlsSignature.ofPoint(new P2().hash_to(message, SIGNATURE_DST).sign_with(sk.raw()));
  }

  /** Verifies one signature on one message (checks the signature is in G2). */
  public static boolean verify(BlsPublicKey pk, byte[] message, BlsSignature sig) {
    return coreVerify(pk, message, sig, SIGNATURE_DST);
  }

  /** PopProve: a signature over the public key's compressed bytes under the PoP tag. */
  public static BlsSignature proveOfPossession(BlsSecretKey sk) {
    byte[] pk = sk.publicKey().toBytes().toArray();
    return BlsSignature.ofPoint(new P2().hash_to(pk, POP_DST).sign_with(sk.raw()));
  }

  /** PopVerify for {@code pk}. */
  public static boolean verifyProofOfPossession(BlsPublicKey pk, BlsSignature proof) {
    return coreVerify(pk, pk.toBytes().toArray(), proof, POP_DST);
  }

  /** Aggregate (sum) of signatures; rejects an empty list and signatures outside G2. */
  public static BlsSignature aggregate(List<BlsSignature> signatures) {
    if (signatures.isEmpty()) {
      throw new IllegalArgumentException("cannot aggregate an empty list of BLS signatures");
    }
    P2 sum = new P2();
    for (BlsSignature s : signatures) {
      if (!s.isValidPoint()) {
        throw new InvalidSignaturePointException("BLS signature is not in the G2 subgroup: " + s);
      }
      sum = sum.add(s.point());
    }
    return BlsSignature.ofPoint(sum);
  }

  /**
   * Aggregate (sum) of public keys; rejects an empty list and a sum that is the identity (keys
   * and their negations cancelling out), which is not a usable key.
   */
  public static BlsPublicKey aggregatePublicKeys(List<BlsPublicKey> keys) {
    P1_Affine sum = sumOf(keys);
    if (sum == null) {
      throw new IllegalArgumentException("aggregate of BLS public keys is empty or the identity");
    }
    return BlsPublicKey.ofPoint(sum);
  }

  /**
   * FastAggregateVerify: every key signed the same {@code message} (quorum certificates). One
   * pairing check against the sum of the keys, sound because each key has a verified PoP.
   */
  public static boolean fastAggregateVerify(
      List<BlsPublicKey> keys, byte[] message, BlsSignature aggregate) {
    P1_Affine sum = sumOf(keys);
    return sum != null && coreVerify(sum, message, aggregate, SIGNATURE_DST);
  }

  /**
   * AggregateVerify: key i signed message i (timeout certificates, where each signer names its
   * own highest QC round). Messages need not be distinct in the PoP scheme.
   */
  public static boolean aggregateVerify(
      List<BlsPublicKey> keys, List<byte[]> messages, BlsSignature aggregate) {
    if (keys.isEmpty() || keys.size() != messages.size() || !aggregate.isValidPoint()) {
      return false;
    }
    Pairing pairing = new Pairing(true, SIGNATURE_DST);
    for (int i = 0; i < keys.size(); i++) {
      // the signature enters the accumulator once, with the first (key, message) pair
      P2_Affine sig = i == 0 ? aggregate.point() : null;
      BLST_ERROR err = pairing.aggregate(keys.get(i).point(), sig, messages.get(i));
      if (err != BLST_ERROR.BLST_SUCCESS) {
        return false;
      }
    }
    pairing.commit();
    return pairing.finalverify();
  }

  /** Sum of the keys' points, or null for an empty list or an identity sum. */
  private static P1_Affine sumOf(List<BlsPublicKey> keys) {
    if (keys.isEmpty()) {
      return null;
    }
    P1 sum = new P1();
    for (BlsPublicKey k : keys) {
      sum = sum.add(k.point());
    }
    return sum.is_inf() ? null : sum.to_affine();
  }

  private static boolean coreVerify(
      BlsPublicKey pk, byte[] message, BlsSignature sig, String dst) {
    return coreVerify(pk.point(), message, sig, dst);
  }

  private static boolean coreVerify(
      P1_Affine pk, byte[] message, BlsSignature sig, String dst) {
    if (!sig.isValidPoint()) {
      return false;
    }
    return sig.point().core_verify(pk, true, message, dst) == BLST_ERROR.BLST_SUCCESS;
  }
}
