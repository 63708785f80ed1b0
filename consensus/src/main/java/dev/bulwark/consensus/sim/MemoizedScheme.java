package dev.bulwark.consensus.sim;

import dev.bulwark.ledger.crypto.bls.BlsPublicKey;
import dev.bulwark.ledger.crypto.bls.BlsSecretKey;
import dev.bulwark.ledger.crypto.bls.BlsSignature;
import dev.bulwark.ledger.crypto.bls.SignatureScheme;
import dev.bulwark.ledger.types.Bytes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Real BLS for simulated runs, with verification results shared between the simulated nodes: each
 * distinct (keys, messages, signature) triple is checked by blst once, and every node that meets it
 * again gets the same answer. A real network verifies per node; the simulation only needs each
 * result once, which makes real-BLS runs several times cheaper without changing any outcome
 * (verification is a pure function).
 */
final class MemoizedScheme implements SignatureScheme {
  private static final int CAPACITY = 20_000;

  private final SignatureScheme inner;
  private final Map<Object, Boolean> results =
      new LinkedHashMap<>(1024, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, Boolean> eldest) {
          return size() > CAPACITY;
        }
      };

  private record Single(BlsPublicKey key, Bytes message, BlsSignature sig) {}

  private record SameMessage(List<BlsPublicKey> keys, Bytes message, BlsSignature sig) {}

  private record Multi(List<BlsPublicKey> keys, List<Bytes> messages, BlsSignature sig) {}

  MemoizedScheme(SignatureScheme inner) {
    this.inner = inner;
  }

  @Override
  public BlsSignature sign(BlsSecretKey sk, byte[] message) {
    return inner.sign(sk, message);
  }

  @Override
  public boolean verify(BlsPublicKey pk, byte[] message, BlsSignature sig) {
    return results.computeIfAbsent(
        new Single(pk, Bytes.of(message), sig), k -> inner.verify(pk, message, sig));
  }

  @Override
  public BlsSignature aggregate(List<BlsSignature> signatures) {
    return inner.aggregate(signatures);
  }

  @Override
  public boolean fastAggregateVerify(List<BlsPublicKey> keys, byte[] message, BlsSignature agg) {
    return results.computeIfAbsent(
        new SameMessage(List.copyOf(keys), Bytes.of(message), agg),
        k -> inner.fastAggregateVerify(keys, message, agg));
  }

  @Override
  public boolean aggregateVerify(List<BlsPublicKey> keys, List<byte[]> messages, BlsSignature agg) {
    List<Bytes> copies = messages.stream().map(Bytes::of).toList();
    return results.computeIfAbsent(
        new Multi(List.copyOf(keys), copies, agg), k -> inner.aggregateVerify(keys, messages, agg));
  }

  @Override
  public String toString() {
    return inner + " (memoised)";
  }
}
