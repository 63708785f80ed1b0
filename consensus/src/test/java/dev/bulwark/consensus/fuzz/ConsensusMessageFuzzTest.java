package dev.bulwark.consensus.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bulwark.consensus.message.ConsensusMessage;
import dev.bulwark.consensus.message.ConsensusMessageCodec;
import dev.bulwark.consensus.message.MessageSamples;
import dev.bulwark.ledger.codec.DecodeException;
import dev.bulwark.ledger.fuzz.Fuzz;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The consensus message codec, as the p2p layer feeds it every 0x0101 frame: DecodeException only
 * (the p2p layer drops the input and penalises the peer), allocation bounded by the input, and an
 * accepted message encodes back to exactly its input and decodes again to an equal message.
 */
class ConsensusMessageFuzzTest {

  static List<byte[]> seedInputs() {
    return new MessageSamples().all().stream().map(ConsensusMessageCodec::encode).toList();
  }

  static Stream<Arguments> seeds() throws Exception {
    return Fuzz.seeds(seedInputs());
  }

  @Test
  void seedsHoldTheInvariants() throws Exception {
    for (byte[] seed : seedInputs()) {
      consensusMessage(seed);
    }
  }

  @MethodSource("seeds")
  @FuzzTest(maxDuration = "10s")
  void consensusMessage(byte[] input) {
    Optional<ConsensusMessage> message = Fuzz.decode(
        "consensus message", input, DecodeException.class, ConsensusMessageCodec::decode);
    if (message.isPresent()) {
      byte[] encoded = ConsensusMessageCodec.encode(message.get());
      assertThat(encoded).as("re-encoding").isEqualTo(input);
      assertThat(ConsensusMessageCodec.decode(encoded)).isEqualTo(message.get());
    }
  }
}
