package dev.bulwark.ledger.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.ledger.types.Bytes;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class Secp256k1Test {
  // ETH-RPC.md section 3 EIP-155 vector: key 32 x 0x46.
  private static final Bytes KEY = Bytes.fromHex("46".repeat(32));

  @Test
  void derivesTheKnownAddress() {
    assertThat(Secp256k1.fromPrivateKey(KEY).address().toChecksumHex())
        .isEqualTo("0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F");
  }

  @Test
  void signatureRecoversTheSignerWithLowS() {
    Secp256k1.KeyPair kp = Secp256k1.generate(new SecureRandom());
    byte[] hash = Keccak.hash256("message".getBytes());
    Secp256k1.Signature sig = Secp256k1.sign(hash, kp);
    assertThat(sig.isLowS()).isTrue();
    assertThat(Secp256k1.recover(hash, sig)).contains(kp.publicKey());
    byte[] other = Keccak.hash256("other".getBytes());
    assertThat(Secp256k1.recover(other, sig)).isNotEqualTo(java.util.Optional.of(kp.publicKey()));
  }

  @Test
  void eip155VectorSignatureMatches() {
    // Signing hash and r,s of the EIP-155 example (ETH-RPC.md section 3).
    byte[] hash = Bytes.fromHex("daf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53").toArray();
    Secp256k1.Signature sig = Secp256k1.sign(hash, Secp256k1.fromPrivateKey(KEY));
    assertThat(sig.r().toString(16)).isEqualTo("28ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276");
    assertThat(sig.s().toString(16)).isEqualTo("67cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83");
    assertThat(sig.recId()).isEqualTo(0); // v = 37 = 1*2 + 35 + 0
  }

  @Test
  void rejectsOutOfRangeKeys() {
    assertThatThrownBy(() -> Secp256k1.fromPrivateKey(Bytes.of(new byte[32])))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Secp256k1.fromPrivateKey(Bytes.fromHex("ff".repeat(32))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
