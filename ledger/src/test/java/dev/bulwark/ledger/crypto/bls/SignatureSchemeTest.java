package dev.bulwark.ledger.crypto.bls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.ledger.chain.QuorumCertificate;
import dev.bulwark.ledger.chain.VerificationException;
import dev.bulwark.ledger.chain.VoteData;
import dev.bulwark.ledger.testkit.TestValidators;
import dev.bulwark.ledger.types.Hash;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SignatureSchemeTest {

  @Test
  void opaqueSignaturesNeverPassRealBls() {
    BlsKeyPair kp = BlsKeyPair.generate(new java.security.SecureRandom());
    BlsSignature real = Bls.sign(kp.secretKey(), new byte[] {1});
    BlsSignature opaque = BlsSignature.opaque(real.toBytes()); // same bytes, but not parsed
    assertThat(Bls.verify(kp.publicKey(), new byte[] {1}, real)).isTrue();
    assertThat(Bls.verify(kp.publicKey(), new byte[] {1}, opaque)).isFalse();
    assertThatThrownBy(() -> Bls.aggregate(List.of(opaque)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Bls.aggregateVerify(List.of(kp.publicKey()), List.of(new byte[] {1}), opaque))
        .isFalse();
  }

  @Test
  void certificatesVerifyThroughTheGivenScheme() throws Exception {
    TestValidators vals = TestValidators.create(4, 7);
    VoteData vote = new VoteData(1, 1, 5, Hash.of(new byte[32]), Hash.of(new byte[32]), 4);
    QuorumCertificate qc = vals.qcByAll(vote);
    qc.verify(vals.validatorSet(1)); // real BLS accepts the real aggregate

    AtomicInteger calls = new AtomicInteger();
    // real BLS for every method but fastAggregateVerify, which counts and rejects
    SignatureScheme rejectAll = (SignatureScheme) Proxy.newProxyInstance(
        SignatureScheme.class.getClassLoader(), new Class<?>[] {SignatureScheme.class},
        (proxy, method, args) -> {
          if (method.getName().equals("fastAggregateVerify")) {
            calls.incrementAndGet();
            return false;
          }
          return method.invoke(SignatureScheme.BLS, args);
        });
    assertThatThrownBy(() -> qc.verify(vals.validatorSet(1), rejectAll))
        .isInstanceOf(VerificationException.class);
    assertThat(calls).hasValue(1);
  }
}
