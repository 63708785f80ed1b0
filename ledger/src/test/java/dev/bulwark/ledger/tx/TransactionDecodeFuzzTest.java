package dev.bulwark.ledger.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.bulwark.ledger.codec.DecodeException;
import dev.bulwark.ledger.types.Bytes;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random, truncated and mutated inputs from a fixed seed: decoding either succeeds with a
 * transaction that re-encodes to the exact input, or throws a {@link DecodeException}; nothing
 * else, and admission and sender recovery never throw on what decoding accepts.
 */
class TransactionDecodeFuzzTest {
  private static final long SEED = 0xB01_3A4CL;
  private static final int ROUNDS = 6_000;
  private static final TransactionRules RULES = new TransactionRules(TransactionRules.Config.of(1));

  @Test
  void decodingNeverThrowsAnythingButDecodeException() {
    List<byte[]> seeds = List.of(
        TestTransactions.signed(TestTransactions.eip155()).raw().toArray(),
        TestTransactions.signed(TestTransactions.unprotected()).raw().toArray(),
        TestTransactions.signed(TestTransactions.accessList(1)).raw().toArray(),
        TestTransactions.signed(TestTransactions.dynamicFee()).raw().toArray(),
        TestTransactions.signed(TestTransactions.dynamicFee(BigInteger.ONE.shiftLeft(40),
            BigInteger.ZERO, BigInteger.ONE.shiftLeft(200), -1L)).raw().toArray());
    Random random = new Random(SEED);
    int decoded = 0;
    for (int round = 0; round < ROUNDS; round++) {
      byte[] input = input(random, seeds.get(random.nextInt(seeds.size())));
      if (decodesCleanly(input, round)) {
        decoded++;
      }
    }
    // Both branches must be exercised, or the fuzzer tests nothing.
    assertThat(decoded).isPositive().isLessThan(ROUNDS);
  }

  private static boolean decodesCleanly(byte[] input, int round) {
    SignedTransaction tx;
    try {
      tx = TransactionCodec.decode(input);
    } catch (DecodeException expected) {
      return false;
    } catch (RuntimeException e) {
      throw new AssertionError("round " + round + ": " + e + " for " + Bytes.of(input), e);
    }
    if (!Arrays.equals(TransactionCodec.encode(tx.transaction()), input)) {
      fail("round %d: re-encoding differs for %s", round, Bytes.of(input));
    }
    RULES.evaluate(tx);
    tx.sender();
    return true;
  }

  private static byte[] input(Random random, byte[] seed) {
    switch (random.nextInt(4)) {
      case 0: { // random bytes, sometimes behind a plausible first byte
        byte[] b = new byte[random.nextInt(160)];
        random.nextBytes(b);
        if (b.length > 0 && random.nextBoolean()) {
          b[0] = (byte) new int[] {0x01, 0x02, 0xf8, 0xf9, 0xc5}[random.nextInt(5)];
        }
        return b;
      }
      case 1: // truncation
        return Arrays.copyOf(seed, random.nextInt(seed.length));
      case 2: { // a few byte substitutions
        byte[] b = seed.clone();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
          b[random.nextInt(b.length)] = (byte) random.nextInt(256);
        }
        return b;
      }
      default: { // insertion or deletion of a byte somewhere
        int at = random.nextInt(seed.length);
        if (random.nextBoolean()) {
          byte[] b = new byte[seed.length + 1];
          System.arraycopy(seed, 0, b, 0, at);
          b[at] = (byte) random.nextInt(256);
          System.arraycopy(seed, at, b, at + 1, seed.length - at);
          return b;
        }
        byte[] b = new byte[seed.length - 1];
        System.arraycopy(seed, 0, b, 0, at);
        System.arraycopy(seed, at + 1, b, at, seed.length - at - 1);
        return b;
      }
    }
  }
}
