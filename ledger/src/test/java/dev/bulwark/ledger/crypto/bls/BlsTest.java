package dev.bulwark.ledger.crypto.bls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class BlsTest {
  private final SecureRandom random = new SecureRandom();

  @Test
  void signsAndVerifiesOnlyTheSignedMessage() {
    BlsKeyPair kp = BlsKeyPair.generate(random);
    byte[] msg = "vote".getBytes(StandardCharsets.UTF_8);
    BlsSignature sig = Bls.sign(kp.secretKey(), msg);
    assertThat(Bls.verify(kp.publicKey(), msg, sig)).isTrue();
    assertThat(Bls.verify(kp.publicKey(), "other".getBytes(StandardCharsets.UTF_8), sig)).isFalse();
    assertThat(Bls.verify(BlsKeyPair.generate(random).publicKey(), msg, sig)).isFalse();
  }

  @Test
  void proofOfPossessionBindsTheKey() {
    BlsKeyPair a = BlsKeyPair.generate(random);
    BlsKeyPair b = BlsKeyPair.generate(random);
    BlsSignature pop = Bls.proveOfPossession(a.secretKey());
    assertThat(Bls.verifyProofOfPossession(a.publicKey(), pop)).isTrue();
    assertThat(Bls.verifyProofOfPossession(b.publicKey(), pop)).isFalse();
    // a PoP is not an ordinary signature over the key bytes (different DST)
    assertThat(Bls.verify(a.publicKey(), a.publicKey().toBytes().toArray(), pop)).isFalse();
  }

  @Test
  void keysRoundTripThroughBytes() {
    BlsKeyPair kp = BlsKeyPair.generate(random);
    assertThat(BlsSecretKey.fromBytes(kp.secretKey().toBytes()).publicKey()).isEqualTo(kp.publicKey());
    assertThat(BlsPublicKey.fromBytes(kp.publicKey().toBytes())).isEqualTo(kp.publicKey());
  }
}
