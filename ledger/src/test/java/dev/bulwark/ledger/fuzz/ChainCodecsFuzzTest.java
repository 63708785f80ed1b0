package dev.bulwark.ledger.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bulwark.ledger.chain.BlockCodec;
import dev.bulwark.ledger.chain.CertificateCodec;
import dev.bulwark.ledger.chain.EvidenceCodec;
import dev.bulwark.ledger.chain.Finality;
import dev.bulwark.ledger.chain.SigningCodec;
import dev.bulwark.ledger.chain.ValidatorCodec;
import dev.bulwark.ledger.codec.DecodeException;
import dev.bulwark.ledger.testkit.RandomChainData;
import dev.bulwark.ledger.testkit.TestValidators;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The chain codecs (headers, blocks, signer bitmaps, QCs, TCs, commit proofs, finality records,
 * evidence, signing data, validators): the input's first byte picks the decoder, the rest is its
 * input. DecodeException only, allocation bounded by the input, and every accepted value encodes
 * back to exactly its input (one value, one encoding).
 */
class ChainCodecsFuzzTest {
  private static final int SEEDS_PER_TARGET = 4;

  private record Target<T>(
      String name, Function<byte[], T> decode, Function<T, byte[]> encode, Supplier<T> sample) {
    byte[] roundTrip(byte[] body) {
      Optional<T> value = Fuzz.decode(name, body, DecodeException.class, decode::apply);
      return value.map(encode).orElse(null);
    }
  }

  private static final RandomChainData DATA = new RandomChainData(17, TestValidators.create(4, 3));

  private static final List<Target<?>> TARGETS = List.of(
      new Target<>("header", BlockCodec::decodeHeader, BlockCodec::encode, DATA::header),
      new Target<>("block", BlockCodec::decodeBlock, BlockCodec::encode, DATA::block),
      new Target<>("bitmap", CertificateCodec::decodeBitmap, CertificateCodec::encode, DATA::bitmap),
      new Target<>("qc", CertificateCodec::decodeQc, CertificateCodec::encode, DATA::qc),
      new Target<>("tc", CertificateCodec::decodeTc, CertificateCodec::encode, DATA::tc),
      new Target<>("commitProof", CertificateCodec::decodeCommitProof, CertificateCodec::encode,
          DATA::commitProof),
      new Target<>("finality", CertificateCodec::decodeFinality, CertificateCodec::encode,
          () -> new Finality(DATA.commitProof(), List.of(), 1 + DATA.random().nextInt(1000))),
      new Target<>("evidence", EvidenceCodec::decode, EvidenceCodec::encode, DATA::evidence),
      new Target<>("vote", SigningCodec::decodeVote, SigningCodec::encode, DATA::vote),
      new Target<>("proposal", SigningCodec::decodeProposal, SigningCodec::encode, DATA::proposal),
      new Target<>("timeout", SigningCodec::decodeTimeout, SigningCodec::encode, DATA::timeout),
      new Target<>("validatorSet", ValidatorCodec::decodeSet, ValidatorCodec::encode,
          DATA::validatorSet),
      new Target<>("validator", ValidatorCodec::decodeValidator, ValidatorCodec::encode,
          () -> DATA.validatorSet().validators().get(0)));

  static List<byte[]> seedInputs() {
    List<byte[]> seeds = new ArrayList<>();
    for (int tag = 0; tag < TARGETS.size(); tag++) {
      for (int i = 0; i < SEEDS_PER_TARGET; i++) {
        seeds.add(Fuzz.tagged(tag, sampleEncoding(TARGETS.get(tag))));
      }
    }
    return seeds;
  }

  static Stream<Arguments> seeds() throws Exception {
    return Fuzz.seeds(seedInputs());
  }

  @Test
  void seedsHoldTheInvariants() throws Exception {
    for (byte[] seed : seedInputs()) {
      chainCodecs(seed);
    }
  }

  @MethodSource("seeds")
  @FuzzTest(maxDuration = "10s")
  void chainCodecs(byte[] input) {
    if (input.length == 0) {
      return;
    }
    Target<?> target = TARGETS.get((input[0] & 0xff) % TARGETS.size());
    byte[] body = Arrays.copyOfRange(input, 1, input.length);
    byte[] encoded = target.roundTrip(body);
    if (encoded != null) {
      assertThat(encoded).as(target.name() + " re-encoding").isEqualTo(body);
    }
  }

  private static <T> byte[] sampleEncoding(Target<T> target) {
    return target.encode().apply(target.sample().get());
  }
}
