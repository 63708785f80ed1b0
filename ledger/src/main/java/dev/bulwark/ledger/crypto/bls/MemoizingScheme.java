package dev.bulwark.ledger.crypto.bls;

import dev.bulwark.ledger.types.Bytes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A scheme that remembers verification results: each distinct (keys, messages, signature) is
 * checked by the inner scheme once, later checks get the same answer (verification is a pure
 * function). The node pre-verifies incoming messages on worker threads so the consensus thread
 * finds the answers here; the simulation shares one instance between its nodes. Thread-safe; the
 * pairings run outside the lock, so several threads verify at once.
 */
public final class MemoizingScheme implements SignatureScheme {
  private static final int DEFAULT_CAPACITY = 20_000;

  private final SignatureScheme inner;
  private final Map<Object, Boolean> results;

  private record Single(BlsPublicKey key, Bytes message, BlsSignature sig) {}

  private record SameMessage(List<BlsPublicKey> keys, Bytes message, BlsSignature sig) {}

  private record Multi(List<BlsPublicKey> keys, List<Bytes> messages, BlsSignature sig) {}

  /** Memoizes {@code inner}'s verifications, keeping the most recent 20,000 results. */
  public MemoizingScheme(SignatureScheme inner) {
    this(inner, DEFAULT_CAPACITY);
  }

  /** Memoizes {@code inner}'s verifications, keeping the most recent {@code capacity} results. */
  public MemoizingScheme(SignatureScheme inner, int capacity) {
    this.inner = inner;
    this.results =
        new LinkedHashMap<>(1024, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<Object, Boolean> eldest) {
            return size() > capacity;
          }
        };
  }

  @Override
  public BlsSignature sign(BlsSecretKey sk, byte[] message) {
    return inner.sign(sk, message);
  }

  @Override
  public boolean verify(BlsPublicKey pk, byte[] message, BlsSignature sig) {
    return remembered(new Single(pk, Bytes.of(message), sig), () -> inner.verify(pk, message, sig));
  }

  @Override
  public BlsSignature aggregate(List<BlsSignature> signatures) {
    return inner.aggregate(signatures);
  }

  @Override
  public boolean fastAggregateVerify(List<BlsPublicKey> keys, byte[] message, BlsSignature agg) {
    return remembered(
        new SameMessage(List.copyOf(keys), Bytes.of(message), agg),
        () -> inner.fastAggregateVerify(keys, message, agg));
  }

  @Override
  public boolean aggregateVerify(List<BlsPublicKey> keys, List<byte[]> messages, BlsSignature agg) {
    List<Bytes> copies = messages.stream().map(Bytes::of).toList();
    return remembered(
        new Multi(List.copyOf(keys), copies, agg),
        () -> inner.aggregateVerify(keys, messages, agg));
  }

  private boolean remembered(Object key, BooleanSupplier check) {
    synchronized (results) {
      Boolean known = results.get(key);
      if (known != null) {
        return known;
      }
    }
    boolean result = check.getAsBoolean();
    synchronized (results) {
      results.put(key, result);
    }
    return result;
  }

  @Override
  public String toString() {
    return inner + " (memoised)";
  }
}
