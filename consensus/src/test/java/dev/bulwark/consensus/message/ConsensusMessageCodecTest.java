package dev.bulwark.consensus.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.bulwark.ledger.chain.CommitProof;
import dev.bulwark.ledger.codec.DecodeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ConsensusMessageCodecTest {
  private static final MessageSamples SAMPLES = new MessageSamples();

  @Test
  void everyMessageTypeRoundTrips() {
    for (ConsensusMessage m : SAMPLES.all()) {
      byte[] bytes = ConsensusMessageCodec.encode(m);
      assertThat(ConsensusMessageCodec.decode(bytes)).as(m.typeName()).isEqualTo(m);
    }
  }

  @Test
  void proofPathsLinkTheSegmentToTheBlockTheProofCommits() {
    CommittedSegment s = SAMPLES.segmentWithPath();
    assertThat(s.proofPath()).hasSize(1);

    assertThatThrownBy(
            () -> new CommittedSegment(s.blocks(), s.proof(), List.of(SAMPLES.strayHeader())))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CommittedSegment(s.blocks(), s.proof(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsUnknownTypesAndTrailingFields() {
    byte[] vote = ConsensusMessageCodec.encode(SAMPLES.vote());
    byte[] retyped = vote.clone();
    int typeOffset =
        retyped[0] == (byte) 0xf8 || retyped[0] == (byte) 0xf9 ? 1 + (retyped[0] & 0xff) - 0xf7 : 1;
    retyped[typeOffset] = 0x09;

    assertThatThrownBy(() -> ConsensusMessageCodec.decode(retyped))
        .isInstanceOf(DecodeException.class);
    assertThatThrownBy(() -> ConsensusMessageCodec.decode(new byte[0]))
        .isInstanceOf(DecodeException.class);
    assertThatThrownBy(
            () ->
                ConsensusMessageCodec.decode(new byte[ConsensusMessageCodec.MAX_MESSAGE_BYTES + 1]))
        .isInstanceOf(DecodeException.class);
  }

  @Test
  void fuzzedInputThrowsOnlyDecodeExceptionOrDecodesToItsOwnEncoding() {
    Random random = new Random(20240611);
    List<byte[]> seeds = new ArrayList<>();
    for (ConsensusMessage m : SAMPLES.all()) {
      seeds.add(ConsensusMessageCodec.encode(m));
    }
    int accepted = 0;
    for (int i = 0; i < 6000; i++) {
      byte[] input = mutate(random, seeds.get(random.nextInt(seeds.size())), seeds);
      try {
        ConsensusMessage m = ConsensusMessageCodec.decode(input);
        assertThat(ConsensusMessageCodec.encode(m)).isEqualTo(input);
        accepted++;
      } catch (DecodeException e) {
        // expected for nearly every mutation
      } catch (RuntimeException e) {
        fail("decoder threw " + e + " for " + Arrays.toString(input), e);
      }
    }
    for (int i = 0; i < 3000; i++) {
      byte[] junk = new byte[random.nextInt(300)];
      random.nextBytes(junk);
      try {
        ConsensusMessageCodec.decode(junk);
      } catch (DecodeException e) {
        // expected
      }
    }
    assertThat(accepted).as("mutations that stay valid re-encode exactly").isLessThan(6000);
  }

  private static byte[] mutate(Random r, byte[] seed, List<byte[]> seeds) {
    byte[] b = seed.clone();
    switch (r.nextInt(4)) {
      case 0 -> b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
      case 1 -> b = Arrays.copyOf(b, r.nextInt(b.length));
      case 2 -> b[r.nextInt(b.length)] = (byte) r.nextInt(256);
      default -> {
        byte[] other = seeds.get(r.nextInt(seeds.size()));
        int cut = r.nextInt(Math.min(b.length, other.length));
        byte[] out = Arrays.copyOf(b, other.length);
        System.arraycopy(other, cut, out, cut, other.length - cut);
        b = out;
      }
    }
    return b;
  }

  @Test
  void commitProofsOfSegmentsMustBeFromTheBlocksEpoch() {
    CommittedSegment s = SAMPLES.segmentWithPath();
    CommitProof proof = s.proof();
    assertThat(proof.epoch()).isEqualTo(s.lastBlock().header().epoch());
  }
}
