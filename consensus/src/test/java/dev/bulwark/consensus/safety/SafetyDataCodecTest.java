package dev.bulwark.consensus.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.consensus.testing.ChainFixture;
import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.codec.DecodeException;
import dev.bulwark.ledger.crypto.bls.SignatureScheme;
import dev.bulwark.ledger.testkit.TestValidators.TestValidator;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SafetyDataCodecTest {
  private final ChainFixture chain = new ChainFixture(4, 5, 3);

  private SafetyData signedSomething() throws Exception {
    TestValidator me = chain.validators().get(2);
    InMemorySafetyStorage storage = new InMemorySafetyStorage();
    SafetyRules rules =
        new SafetyRules(
            ChainFixture.CHAIN_ID,
            new ValidatorSigner(me.address(), me.bls().secretKey(), SignatureScheme.BLS),
            storage);
    rules.startEpoch(chain.set());
    Block b1 = chain.child(chain.root(), chain.rootQc(), 1, 1);
    rules.vote(b1, Optional.empty());
    rules.timeout(2, chain.qc(b1), Optional.empty());
    return storage.load();
  }

  @Test
  void roundTripsEmptyAndFullData() throws Exception {
    SafetyData full = signedSomething();

    assertThat(SafetyDataCodec.decode(SafetyDataCodec.encode(full))).isEqualTo(full);
    assertThat(SafetyDataCodec.decode(SafetyDataCodec.encode(SafetyData.initial(9))))
        .isEqualTo(SafetyData.initial(9));
    assertThat(full.lastVote()).isPresent();
    assertThat(full.lastTimeout()).isPresent();
  }

  @Test
  void rejectsCorruptedBytesWithDecodeExceptionOnly() throws Exception {
    byte[] good = SafetyDataCodec.encode(signedSomething());
    Random random = new Random(3);
    int rejected = 0;
    for (int i = 0; i < 2000; i++) {
      byte[] bad = good.clone();
      bad[random.nextInt(bad.length)] ^= (byte) (1 << random.nextInt(8));
      try {
        SafetyData d = SafetyDataCodec.decode(bad);
        assertThat(SafetyDataCodec.encode(d)).isEqualTo(bad); // strict: one encoding per value
      } catch (DecodeException e) {
        rejected++;
      }
    }
    assertThat(rejected).isPositive();
    assertThatThrownBy(() -> SafetyDataCodec.decode(new byte[] {(byte) 0xc0}))
        .isInstanceOf(DecodeException.class);
  }
}
