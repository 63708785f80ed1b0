package dev.bulwark.ledger.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.bulwark.ledger.codec.DecodeException;
import dev.bulwark.ledger.testkit.RandomChainData;
import dev.bulwark.ledger.testkit.TestValidators;
import dev.bulwark.ledger.types.Bytes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Feeds every decoder random, truncated, bit-flipped and spliced inputs derived from valid
 * encodings: each must either throw DecodeException or return a value whose encoding is exactly
 * the input (strictness: one value, one encoding).
 */
class ChainCodecFuzzTest {
  private static final int SEEDS = 16;
  private static final int MUTATIONS = 5000;
  private static final RandomChainData DATA = new RandomChainData(77, TestValidators.create(5, 3));

  private record Target<T>(
      String name, Supplier<T> gen, Function<T, byte[]> encode, Function<byte[], T> decode) {}

  @TestFactory
  Stream<DynamicTest> everyDecoderThrowsOnlyDecodeException() {
    List<Target<?>> targets = List.of(
        new Target<>("vote", DATA::vote, SigningCodec::encode, SigningCodec::decodeVote),
        new Target<>("proposal", DATA::proposal, SigningCodec::encode,
            SigningCodec::decodeProposal),
        new Target<>("timeout", DATA::timeout, SigningCodec::encode, SigningCodec::decodeTimeout),
        new Target<>("bitmap", DATA::bitmap, CertificateCodec::encode,
            CertificateCodec::decodeBitmap),
        new Target<>("qc", DATA::qc, CertificateCodec::encode, CertificateCodec::decodeQc),
        new Target<>("tc", DATA::tc, CertificateCodec::encode, CertificateCodec::decodeTc),
        new Target<>("commitProof", DATA::commitProof, CertificateCodec::encode,
            CertificateCodec::decodeCommitProof),
        new Target<>("evidence", DATA::evidence, EvidenceCodec::encode, EvidenceCodec::decode),
        new Target<>("header", DATA::header, BlockCodec::encode, BlockCodec::decodeHeader),
        new Target<>("block", DATA::block, BlockCodec::encode, BlockCodec::decodeBlock),
        new Target<>("validatorSet", DATA::validatorSet, ValidatorCodec::encode,
            ValidatorCodec::decodeSet));
    return targets.stream().map(t -> DynamicTest.dynamicTest(t.name(), () -> fuzz(t)));
  }

  private static <T> void fuzz(Target<T> target) {
    Random random = new Random(target.name().hashCode());
    List<byte[]> seeds = new ArrayList<>();
    for (int i = 0; i < SEEDS; i++) {
      seeds.add(target.encode().apply(target.gen().get()));
    }
    int accepted = 0;
    for (int i = 0; i < MUTATIONS; i++) {
      byte[] input = mutate(random, seeds);
      if (check(target, input)) {
        accepted++;
      }
    }
    // most mutants must be rejected; the few accepted ones were checked to re-encode identically
    assertThat(accepted).as("%s mutants accepted", target.name()).isLessThan(MUTATIONS / 2);
  }

  /** True when {@code input} decoded; fails unless the outcome is one of the two allowed. */
  private static <T> boolean check(Target<T> target, byte[] input) {
    T value;
    try {
      value = target.decode().apply(input);
    } catch (DecodeException expected) {
      return false;
    } catch (RuntimeException e) {
      throw new AssertionError(
          target.name() + " decoder threw " + e + " for " + Bytes.of(input).toHex(), e);
    }
    byte[] again = target.encode().apply(value);
    if (!Arrays.equals(again, input)) {
      fail(target.name() + " accepted a non-canonical encoding " + Bytes.of(input).toHex());
    }
    return true;
  }

  private static byte[] mutate(Random random, List<byte[]> seeds) {
    byte[] base = seeds.get(random.nextInt(seeds.size())).clone();
    switch (random.nextInt(7)) {
      case 0: // truncate
        return Arrays.copyOf(base, random.nextInt(base.length));
      case 1: // flip one to three bits
        for (int k = random.nextInt(3); k >= 0; k--) {
          base[random.nextInt(base.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return base;
      case 2: // overwrite a byte
        base[random.nextInt(base.length)] = (byte) random.nextInt(256);
        return base;
      case 3: { // insert a byte
        int at = random.nextInt(base.length + 1);
        byte[] out = new byte[base.length + 1];
        System.arraycopy(base, 0, out, 0, at);
        out[at] = (byte) random.nextInt(256);
        System.arraycopy(base, at, out, at + 1, base.length - at);
        return out;
      }
      case 4: { // delete a byte
        int at = random.nextInt(base.length);
        byte[] out = new byte[base.length - 1];
        System.arraycopy(base, 0, out, 0, at);
        System.arraycopy(base, at + 1, out, at, base.length - at - 1);
        return out;
      }
      case 5: { // splice the head of one seed onto the tail of another
        byte[] other = seeds.get(random.nextInt(seeds.size()));
        int cut = random.nextInt(Math.min(base.length, other.length));
        byte[] out = Arrays.copyOf(base, cut + other.length - cut);
        System.arraycopy(other, cut, out, cut, other.length - cut);
        return out;
      }
      default: { // random garbage
        byte[] out = new byte[random.nextInt(200)];
        random.nextBytes(out);
        return out;
      }
    }
  }
}
