package dev.bulwark.ledger.testkit;

import dev.bulwark.ledger.crypto.bls.BlsPublicKey;
import dev.bulwark.ledger.crypto.bls.BlsSecretKey;
import dev.bulwark.ledger.crypto.bls.BlsSignature;
import dev.bulwark.ledger.crypto.bls.SignatureScheme;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Real BLS that counts the verifications (pairings) reaching it; thread-safe. */
public final class CountingScheme implements SignatureScheme {
  private final AtomicInteger verifications = new AtomicInteger();

  /** Verifications so far, of any kind. */
  public int verifications() {
    return verifications.get();
  }

  @Override
  public BlsSignature sign(BlsSecretKey sk, byte[] message) {
    return BLS.sign(sk, message);
  }

  @Override
  public boolean verify(BlsPublicKey pk, byte[] message, BlsSignature sig) {
    verifications.incrementAndGet();
    return BLS.verify(pk, message, sig);
  }

  @Override
  public BlsSignature aggregate(List<BlsSignature> signatures) {
    return BLS.aggregate(signatures);
  }

  @Override
  public boolean fastAggregateVerify(List<BlsPublicKey> keys, byte[] message, BlsSignature agg) {
    verifications.incrementAndGet();
    return BLS.fastAggregateVerify(keys, message, agg);
  }

  @Override
  public boolean aggregateVerify(List<BlsPublicKey> keys, List<byte[]> messages, BlsSignature agg) {
    verifications.incrementAndGet();
    return BLS.aggregateVerify(keys, messages, agg);
  }
}
