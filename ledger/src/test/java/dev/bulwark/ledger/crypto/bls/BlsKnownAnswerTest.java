package dev.bulwark.ledger.crypto.bls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.ledger.types.Bytes;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import supranational.blst.P1;

/**
 * Known answers from the Ethereum consensus BLS suite (ethereum/bls12-381-tests v0.1.2, CC0),
 * which uses our ciphersuite BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_. Matching these pins
 * the key derivation, the hash-to-curve and the point encodings to the standard.
 */
class BlsKnownAnswerTest {
  static final String SK1 = "263dbd792f5b1be47ed85f8938c0f29586af0d3ac7b977f21c278fe1462040e3";
  static final String SK2 = "47b8192d77bf871b62e87859d653922725724a5c031afeabc60bcef5ff665138";
  static final String SK3 = "328388aff0d4a5b7dc9205abd374e7e98f3cd9f3418edb4eafda5fb16473d216";
  static final String PK1 =
      "a491d1b0ecd9bb917989f0e74f0dea0422eac4a873e5e2644f368dffb9a6e20fd6e10c1b77654d067c0618f6e5a7f79a";
  static final String PK2 =
      "b301803f8b5ac4a1133581fc676dfedc60d891dd5fa99028805e5ea5b08d3491af75d0707adab3b70c6a6a580217bf81";
  static final String PK3 =
      "b53d21a4cfd562c469cc81514d4ce5a6b577d8403d32a394dc265dd190b47fa9f829fdd7963afdf972e5e77854051f6f";
  static final String M00 = "0000000000000000000000000000000000000000000000000000000000000000";
  static final String M56 = "5656565656565656565656565656565656565656565656565656565656565656";
  static final String MAB = "abababababababababababababababababababababababababababababababab";

  @ParameterizedTest(name = "SkToPk {0}")
  @CsvSource({SK1 + "," + PK1, SK2 + "," + PK2, SK3 + "," + PK3})
  void publicKeysMatchTheSuiteAndTheGeneratorTimesTheScalar(String sk, String pk) {
    BlsSecretKey key = BlsSecretKey.fromBytes(Bytes.fromHex(sk));
    assertThat(key.publicKey().toBytes()).isEqualTo(Bytes.fromHex(pk));
    // independent path: [sk]G1 by plain scalar multiplication of the generator
    byte[] multiplied = P1.generator().mult(new BigInteger(sk, 16)).compress();
    assertThat(key.publicKey().toBytes()).isEqualTo(Bytes.of(multiplied));
  }

  @ParameterizedTest(name = "sign {0} / {1}")
  @CsvSource({
    SK2 + "," + M00 + ",b23c46be3a001c63ca711f87a005c200cc550b9429d5f4eb38d74322144f1b63926da3388979e5321012fb1a0526bcd100b5ef5fe72628ce4cd5e904aeaa3279527843fae5ca9ca675f4f51ed8f83bbf7155da9ecc9663100a885d5dc6df96d9",
    SK2 + "," + M56 + ",af1390c3c47acdb37131a51216da683c509fce0e954328a59f93aebda7e4ff974ba208d9a4a2a2389f892a9d418d618418dd7f7a6bc7aa0da999a9d3a5b815bc085e14fd001f6a1948768a3f4afefc8b8240dda329f984cb345c6363272ba4fe",
    SK2 + "," + MAB + ",9674e2228034527f4c083206032b020310face156d4a4685e2fcaec2f6f3665aa635d90347b6ce124eb879266b1e801d185de36a0a289b85e9039662634f2eea1e02e670bc7ab849d006a70b2f93b84597558a05b879c8d445f387a5d5b653df",
    SK3 + "," + M00 + ",948a7cb99f76d616c2c564ce9bf4a519f1bea6b0a624a02276443c245854219fabb8d4ce061d255af5330b078d5380681751aa7053da2c98bae898edc218c75f07e24d8802a17cd1f6833b71e58f5eb5b94208b4d0bb3848cecb075ea21be115",
    SK3 + "," + MAB + ",ae82747ddeefe4fd64cf9cedb9b04ae3e8a43420cd255e3c7cd06a8d88b7c7f8638543719981c5d16fa3527c468c25f0026704a6951bde891360c7e8d12ddee0559004ccdbe6046b55bae1b257ee97f7cdb955773d7cf29adf3ccbb9975e4eb9",
    SK3 + "," + M56 + ",a4efa926610b8bd1c8330c918b7a5e9bf374e53435ef8b7ec186abf62e1b1f65aeaaeb365677ac1d1172a1f5b44b4e6d022c252c58486c0a759fbdc7de15a756acc4d343064035667a594b4c2a6f0b0b421975977f297dba63ee2f63ffe47bb6",
    SK1 + "," + M00 + ",b6ed936746e01f8ecf281f020953fbf1f01debd5657c4a383940b020b26507f6076334f91e2366c96e9ab279fb5158090352ea1c5b0c9274504f4f0e7053af24802e51e4568d164fe986834f41e55c8e850ce1f98458c0cfc9ab380b55285a55",
    SK1 + "," + M56 + ",882730e5d03f6b42c3abc26d3372625034e1d871b65a8a6b900a56dae22da98abbe1b68f85e49fe7652a55ec3d0591c20767677e33e5cbb1207315c41a9ac03be39c2e7668edc043d6cb1d9fd93033caa8a1c5b0e84bedaeb6c64972503a43eb",
    SK1 + "," + MAB + ",91347bccf740d859038fcdcaf233eeceb2a436bcaaee9b2aa3bfb70efe29dfb2677562ccbea1c8e061fb9971b0753c240622fab78489ce96768259fc01360346da5b9f579e5da0d941e4c6ba18a0e64906082375394f337fa1af2b7127b0d121"
  })
  void signaturesMatchTheSuite(String sk, String msg, String expected) {
    BlsSecretKey key = BlsSecretKey.fromBytes(Bytes.fromHex(sk));
    BlsSignature sig = Bls.sign(key, Bytes.fromHex(msg).toArray());
    assertThat(sig.toBytes()).isEqualTo(Bytes.fromHex(expected));
    assertThat(Bls.verify(key.publicKey(), Bytes.fromHex(msg).toArray(), sig)).isTrue();
  }

  @Test
  void aggregateMatchesTheSuite() {
    // aggregate_0xabab...: the three keys' signatures over 0xab*32
    List<BlsSignature> sigs =
        List.of(SK1, SK2, SK3).stream()
            .map(sk -> Bls.sign(BlsSecretKey.fromBytes(Bytes.fromHex(sk)), hex(MAB)))
            .toList();
    assertThat(Bls.aggregate(sigs).toBytes()).isEqualTo(Bytes.fromHex(AGG_AB));
  }

  @Test
  void fastAggregateVerifyAcceptsTheSuiteCaseAndRejectsAnExtraKey() {
    List<BlsPublicKey> keys = keys(PK1, PK2, PK3);
    BlsSignature sig = BlsSignature.fromBytes(Bytes.fromHex(AGG_AB));
    assertThat(Bls.fastAggregateVerify(keys, hex(MAB), sig)).isTrue();
    // fast_aggregate_verify_extra_pubkey_5a38e6b4017fe4dd: PK3 listed twice
    assertThat(Bls.fastAggregateVerify(keys(PK1, PK2, PK3, PK3), hex(MAB), sig)).isFalse();
    assertThat(Bls.fastAggregateVerify(keys(PK1, PK2), hex(MAB), sig)).isFalse();
  }

  @Test
  void aggregateVerifyAcceptsTheSuiteCaseAndRejectsSwappedMessages() {
    // aggregate_verify_valid: key i signed message i
    List<BlsPublicKey> keys = keys(PK1, PK2, PK3);
    BlsSignature sig = BlsSignature.fromBytes(Bytes.fromHex(AGG_VERIFY));
    assertThat(Bls.aggregateVerify(keys, List.of(hex(M00), hex(M56), hex(MAB)), sig)).isTrue();
    assertThat(Bls.aggregateVerify(keys, List.of(hex(M56), hex(M00), hex(MAB)), sig)).isFalse();
  }

  private static final String AGG_AB =
      "9712c3edd73a209c742b8250759db12549b3eaf43b5ca61376d9f30e2747dbcf842d8b2ac0901d2a093713e20284a767"
          + "0fcf6954e9ab93de991bb9b313e664785a075fc285806fa5224c82bde146561b446ccfc706a64b8579513cfc4ff1d930";
  private static final String AGG_VERIFY =
      "9104e74b9dfd3ad502f25d6a5ef57db0ed7d9a0e00f3500586d8ce44231212542fcfaf87840539b398bf07626705cf11"
          + "05d246ca1062c6c2e1a53029a0f790ed5e3cb1f52f8234dc5144c45fc847c0cd37a92d68e7c5ba7c648a8a339f171244";

  private static byte[] hex(String h) {
    return Bytes.fromHex(h).toArray();
  }

  private static List<BlsPublicKey> keys(String... hex) {
    return List.of(hex).stream().map(h -> BlsPublicKey.fromBytes(Bytes.fromHex(h))).toList();
  }
}
