package dev.bulwark.ledger.crypto.bls;

import supranational.blst.BLST_ERROR;
import supranational.blst.P2;

/**
 * BLS12-381 in the min-pk proof-of-possession scheme (IETF draft-irtf-cfrg-bls-signature-05):
 * public keys in G1, signatures in G2. Keys are admitted only with a verified proof of
 * possession, which is what makes same-message aggregation (QCs) safe against rogue keys.
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

  private static boolean coreVerify(
      BlsPublicKey pk, byte[] message, BlsSignature sig, String dst) {
    if (!sig.point().in_group()) {
      return false;
    }
    return sig.point().core_verify(pk.point(), true, message, dst) == BLST_ERROR.BLST_SUCCESS;
  }
}
