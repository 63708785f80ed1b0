package dev.bulwark.ledger.bench;

import dev.bulwark.ledger.crypto.Secp256k1;
import dev.bulwark.ledger.tx.SignedTransaction;
import dev.bulwark.ledger.tx.TransactionCodec;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Part 3: secp256k1 sender recovery per transaction (through {@link SignedTransaction#sender()},
 * in the backend {@link Secp256k1#recoveryBackend()} names), on one thread, over freshly decoded
 * transactions so that no sender is cached.
 */
final class RecoveryBench {
  private RecoveryBench() {}

  /** Microseconds per recovery, median of {@code rounds} rounds over {@code count} transactions. */
  static double run(int count, int rounds) {
    List<byte[]> raw =
        IntStream.range(0, count)
            .parallel()
            .mapToObj(
                i ->
                    TransferBench.transfer(BenchChain.key(i), i, TransferBench.recipient(i))
                        .raw()
                        .toArray())
            .toList();
    recover(raw); // warm-up
    double[] micros = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      micros[r] = recover(raw);
    }
    return Stats.median(micros);
  }

  private static double recover(List<byte[]> raw) {
    long t0 = System.nanoTime();
    int recovered = 0;
    for (byte[] bytes : raw) {
      if (TransactionCodec.decode(bytes).sender().isPresent()) {
        recovered++;
      }
    }
    long elapsed = System.nanoTime() - t0;
    if (recovered != raw.size()) {
      throw new IllegalStateException(
          "recovery failed for " + (raw.size() - recovered) + " transactions");
    }
    return elapsed / 1e3 / raw.size();
  }
}
