package dev.bulwark.ledger.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.ledger.types.Bytes;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import org.junit.jupiter.api.Test;

class NodeKeyTest {
  // RFC 8032 section 7.1, TEST 1 (empty message) and TEST 2 (one byte 0x72).
  private static final Bytes SECRET_1 =
      Bytes.fromHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
  private static final Bytes PUBLIC_1 =
      Bytes.fromHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
  private static final Bytes SIGNATURE_1 = Bytes.fromHex(
      "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
  private static final Bytes SECRET_2 =
      Bytes.fromHex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb");
  private static final Bytes PUBLIC_2 =
      Bytes.fromHex("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c");
  private static final Bytes SIGNATURE_2 = Bytes.fromHex(
      "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");

  @Test
  void rfc8032VectorsGiveTheKnownKeysAndSignatures() {
    NodeKey k1 = NodeKey.fromPrivateKey(SECRET_1);
    assertThat(k1.publicKey()).isEqualTo(PUBLIC_1);
    assertThat(Bytes.of(k1.sign(new byte[0]))).isEqualTo(SIGNATURE_1);
    assertThat(NodeKey.verify(PUBLIC_1, new byte[0], SIGNATURE_1)).isTrue();

    NodeKey k2 = NodeKey.fromPrivateKey(SECRET_2);
    assertThat(k2.publicKey()).isEqualTo(PUBLIC_2);
    assertThat(Bytes.of(k2.sign(new byte[] {0x72}))).isEqualTo(SIGNATURE_2);
    assertThat(NodeKey.verify(PUBLIC_2, new byte[] {0x72}, SIGNATURE_2)).isTrue();
  }

  @Test
  void privateKeyRoundTrips() {
    NodeKey k = NodeKey.generate(new SecureRandom());
    NodeKey again = NodeKey.fromPrivateKey(k.privateKey());
    assertThat(again.publicKey()).isEqualTo(k.publicKey());
    assertThat(k.privateKey().size()).isEqualTo(32);
    assertThat(k.toString()).doesNotContain(k.privateKey().toUnprefixedHex());
  }

  @Test
  void rejectsTamperedMessagesSignaturesAndOtherKeys() {
    NodeKey k = NodeKey.generate(new SecureRandom());
    byte[] msg = "handshake".getBytes(StandardCharsets.UTF_8);
    byte[] sig = k.sign(msg);
    assertThat(sig).hasSize(NodeKey.SIGNATURE_SIZE);
    assertThat(NodeKey.verify(k.publicKey(), msg, Bytes.of(sig))).isTrue();

    assertThat(NodeKey.verify(k.publicKey(), "handshakf".getBytes(StandardCharsets.UTF_8), Bytes.of(sig)))
        .isFalse();
    byte[] flipped = sig.clone();
    flipped[10] ^= 1;
    assertThat(NodeKey.verify(k.publicKey(), msg, Bytes.of(flipped))).isFalse();
    NodeKey other = NodeKey.generate(new SecureRandom());
    assertThat(NodeKey.verify(other.publicKey(), msg, Bytes.of(sig))).isFalse();
    assertThat(NodeKey.verify(k.publicKey(), msg, Bytes.of(sig).slice(0, 63))).isFalse();
  }

  @Test
  void signaturesVerifyWithTheJdkImplementation() throws Exception {
    NodeKey k = NodeKey.generate(new SecureRandom());
    byte[] msg = "cross-check".getBytes(StandardCharsets.UTF_8);
    Signature jdk = Signature.getInstance("Ed25519");
    jdk.initVerify(jdkPublicKey(k.publicKey()));
    jdk.update(msg);
    assertThat(jdk.verify(k.sign(msg))).isTrue();
  }

  @Test
  void validatesPublicKeys() {
    assertThat(NodeKey.isValidPublicKey(PUBLIC_1)).isTrue();
    assertThat(NodeKey.isValidPublicKey(PUBLIC_1.slice(0, 31))).isFalse();
    assertThat(NodeKey.isValidPublicKey(null)).isFalse();
    // The identity point (y = 1) has small order: never an acceptable identity key.
    Bytes identity = Bytes.fromHex("01" + "00".repeat(31));
    assertThat(NodeKey.isValidPublicKey(identity)).isFalse();
    // y = 2 is not the y coordinate of any curve point.
    assertThat(NodeKey.isValidPublicKey(Bytes.fromHex("02" + "00".repeat(31)))).isFalse();
    assertThat(NodeKey.verify(identity, new byte[0], SIGNATURE_1)).isFalse();
  }

  @Test
  void rejectsWrongSizePrivateKeys() {
    assertThatThrownBy(() -> NodeKey.fromPrivateKey(Bytes.of(new byte[31])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes");
  }

  private static PublicKey jdkPublicKey(Bytes encoded) throws Exception {
    // RFC 8032 encoding: little-endian y with the sign of x in the top bit of the last byte.
    byte[] le = encoded.toArray();
    boolean xOdd = (le[31] & 0x80) != 0;
    le[31] &= 0x7f;
    byte[] be = new byte[32];
    for (int i = 0; i < 32; i++) {
      be[i] = le[31 - i];
    }
    EdECPoint point = new EdECPoint(xOdd, new BigInteger(1, be));
    return KeyFactory.getInstance("Ed25519")
        .generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, point));
  }
}
