package dev.bulwark.ledger.crypto.bls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ledger.testkit.CountingScheme;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Each distinct check reaches real BLS once; answers (true and false) are shared across threads. */
class MemoizingSchemeTest {
  private static final byte[] MSG = "vote".getBytes(StandardCharsets.UTF_8);

  @Test
  void remembersValidAndInvalidAnswersAndSharesThemBetweenThreads() throws Exception {
    CountingScheme inner = new CountingScheme();
    MemoizingScheme scheme = new MemoizingScheme(inner);
    BlsKeyPair a = BlsKeyPair.generate(new SecureRandom());
    BlsKeyPair b = BlsKeyPair.generate(new SecureRandom());
    BlsSignature sigA = scheme.sign(a.secretKey(), MSG);

    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> answers = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        answers.add(pool.submit(() -> scheme.verify(a.publicKey(), MSG, sigA)));
      }
      for (Future<Boolean> f : answers) {
        assertThat(f.get()).isTrue();
      }
    } finally {
      pool.shutdown();
    }
    // racing threads may each compute the first answer; after that every call is remembered
    int afterRace = inner.verifications();
    assertThat(afterRace).isBetween(1, 4);
    assertThat(scheme.verify(a.publicKey(), MSG, sigA)).isTrue();
    assertThat(inner.verifications()).isEqualTo(afterRace);

    assertThat(scheme.verify(b.publicKey(), MSG, sigA)).isFalse();
    assertThat(scheme.verify(b.publicKey(), MSG, sigA)).isFalse();
    assertThat(inner.verifications()).isEqualTo(afterRace + 1);

    BlsSignature agg = scheme.aggregate(List.of(sigA, scheme.sign(b.secretKey(), MSG)));
    assertThat(scheme.fastAggregateVerify(List.of(a.publicKey(), b.publicKey()), MSG, agg)).isTrue();
    assertThat(scheme.fastAggregateVerify(List.of(a.publicKey()), MSG, agg)).isFalse();
    assertThat(scheme.fastAggregateVerify(List.of(a.publicKey(), b.publicKey()), MSG, agg)).isTrue();
    assertThat(inner.verifications()).isEqualTo(afterRace + 3);
  }

  @Test
  void forgetsTheOldestBeyondItsCapacity() {
    CountingScheme inner = new CountingScheme();
    MemoizingScheme scheme = new MemoizingScheme(inner, 2);
    BlsKeyPair k = BlsKeyPair.generate(new SecureRandom());
    List<BlsSignature> sigs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      sigs.add(scheme.sign(k.secretKey(), new byte[] {(byte) i}));
      assertThat(scheme.verify(k.publicKey(), new byte[] {(byte) i}, sigs.get(i))).isTrue();
    }
    assertThat(scheme.verify(k.publicKey(), new byte[] {0}, sigs.get(0))).isTrue();
    assertThat(inner.verifications()).isEqualTo(4); // the first answer had been evicted
  }
}
