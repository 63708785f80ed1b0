package dev.bulwark.consensus.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bulwark.consensus.safety.InMemorySafetyStorage;
import dev.bulwark.consensus.safety.SafetyData;
import dev.bulwark.consensus.safety.SafetyDataCodec;
import dev.bulwark.consensus.safety.SafetyRules;
import dev.bulwark.consensus.safety.ValidatorSigner;
import dev.bulwark.consensus.testing.ChainFixture;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.codec.DecodeException;
import dev.bulwark.ledger.crypto.bls.SignatureScheme;
import dev.bulwark.ledger.fuzz.Fuzz;
import dev.bulwark.ledger.testkit.TestValidators.TestValidator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The safety-data codec, which reads the last vote and timeout a validator signed back from disk
 * at start: DecodeException only (a corrupt file must stop the node with a clear error, not with
 * an arbitrary exception), allocation bounded by the input, and exact re-encoding.
 */
class SafetyDataFuzzTest {

  static List<byte[]> seedInputs() throws Exception {
    return List.of(
        SafetyDataCodec.encode(SafetyData.initial(0)),
        SafetyDataCodec.encode(SafetyData.initial(9)),
        SafetyDataCodec.encode(signedVoteAndTimeout()));
  }

  static Stream<Arguments> seeds() throws Exception {
    return Fuzz.seeds(seedInputs());
  }

  @Test
  void seedsHoldTheInvariants() throws Exception {
    for (byte[] seed : seedInputs()) {
      safetyData(seed);
    }
  }

  @MethodSource("seeds")
  @FuzzTest(maxDuration = "10s")
  void safetyData(byte[] input) {
    Optional<SafetyData> data =
        Fuzz.decode("safety data", input, DecodeException.class, SafetyDataCodec::decode);
    if (data.isPresent()) {
      byte[] encoded = SafetyDataCodec.encode(data.get());
      assertThat(encoded).as("re-encoding").isEqualTo(input);
      assertThat(SafetyDataCodec.decode(encoded)).isEqualTo(data.get());
    }
  }

  /** Safety data after a vote in round 1 and a timeout in round 2, as a validator stores them. */
  private static SafetyData signedVoteAndTimeout() throws Exception {
    ChainFixture chain = new ChainFixture(4, 5, 3);
    TestValidator me = chain.validators().get(2);
    InMemorySafetyStorage storage = new InMemorySafetyStorage();
    SafetyRules rules = new SafetyRules(ChainFixture.CHAIN_ID,
        new ValidatorSigner(me.address(), me.bls().secretKey(), SignatureScheme.BLS), storage);
    rules.startEpoch(chain.set());
    Block b1 = chain.child(chain.root(), chain.rootQc(), 1, 1);
    rules.vote(b1, Optional.empty());
    rules.timeout(2, chain.qc(b1), Optional.empty());
    return storage.load();
  }
}
