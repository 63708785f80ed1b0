package dev.bulwark.ledger.chain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ledger.testkit.RandomChainData;
import dev.bulwark.ledger.testkit.TestValidators;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** decode(encode(x)) == x and re-encoding gives the same bytes, for random values of each type. */
class ChainCodecRoundTripTest {
  private static final int CASES = 150;
  private static final TestValidators VALIDATORS = TestValidators.create(9, 1);
  private final RandomChainData random = new RandomChainData(20240601, VALIDATORS);

  private static <T> void roundTrips(
      Supplier<T> gen, Function<T, byte[]> encode, Function<byte[], T> decode) {
    for (int i = 0; i < CASES; i++) {
      T value = gen.get();
      byte[] bytes = encode.apply(value);
      T decoded = decode.apply(bytes);
      assertThat(decoded).isEqualTo(value);
      assertThat(encode.apply(decoded)).isEqualTo(bytes);
    }
  }

  @Test
  void signingData() {
    roundTrips(random::vote, SigningCodec::encode, SigningCodec::decodeVote);
    roundTrips(random::proposal, SigningCodec::encode, SigningCodec::decodeProposal);
    roundTrips(random::timeout, SigningCodec::encode, SigningCodec::decodeTimeout);
  }

  @Test
  void certificates() {
    roundTrips(random::bitmap, CertificateCodec::encode, CertificateCodec::decodeBitmap);
    roundTrips(random::qc, CertificateCodec::encode, CertificateCodec::decodeQc);
    roundTrips(random::tc, CertificateCodec::encode, CertificateCodec::decodeTc);
    roundTrips(random::commitProof, CertificateCodec::encode, CertificateCodec::decodeCommitProof);
  }

  @Test
  void evidence() {
    roundTrips(random::evidence, EvidenceCodec::encode, EvidenceCodec::decode);
  }

  @Test
  void headersAndBlocks() {
    roundTrips(random::header, BlockCodec::encode, BlockCodec::decodeHeader);
    roundTrips(random::block, BlockCodec::encode, BlockCodec::decodeBlock);
  }

  @Test
  void decodedHeaderHasTheSameHash() {
    for (int i = 0; i < CASES; i++) {
      BlockHeader h = random.header();
      assertThat(BlockCodec.decodeHeader(BlockCodec.encode(h)).hash()).isEqualTo(h.hash());
    }
  }

  @Test
  void validators() {
    roundTrips(random::validatorSet, ValidatorCodec::encode, ValidatorCodec::decodeSet);
    roundTrips(() -> random.validatorSet().get(random.random().nextInt(9)),
        ValidatorCodec::encode, ValidatorCodec::decodeValidator);
  }
}
