package dev.bulwark.ledger.tx;

import static dev.bulwark.ledger.tx.TestTransactions.KEY;
import static dev.bulwark.ledger.tx.TestTransactions.signed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.ledger.codec.DecodeException;
import dev.bulwark.ledger.codec.Rlp;
import dev.bulwark.ledger.codec.RlpItem;
import dev.bulwark.ledger.crypto.Secp256k1;
import dev.bulwark.ledger.types.Bytes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TransactionCodecTest {
  private static final String EIP155_RAW = "0xf86c098504a817c800825208943535353535353535353535353535"
      + "353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620"
      + "aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83";
  private static final String TYPE2_RAW = "0x02f86c82053980843b9aca0084773594008252089435353535353"
      + "535353535353535353535353535350180c080a02f18291525b9caa0aebfd224933d4048e527c4e58e031fbb5a57"
      + "7f9d810b3935a00a9892b0eae406ed4ba0b2fc6ff2145b6ad0390f37481c44135102725ff74939";

  @Test
  void eip155HandVector() {
    SignedTransaction tx = TransactionCodec.decode(Bytes.fromHex(EIP155_RAW));
    assertThat(tx.transaction()).isEqualTo(TestTransactions.eip155().withSignature(
        tx.transaction().signature()));
    assertThat(TransactionCodec.signingHash(tx.transaction()).toHex())
        .isEqualTo("0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53");
    assertThat(tx.hash().toHex())
        .isEqualTo("0x33469b22e9f636356c4160a87eb19df52b7412e8eac32a4a55ffe88ea8350788");
    assertThat(tx.sender().orElseThrow().toChecksumHex())
        .isEqualTo("0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F");
    assertThat(tx.transaction().v()).isEqualTo(BigInteger.valueOf(37));
    assertThat(signed(TestTransactions.eip155()).raw()).isEqualTo(Bytes.fromHex(EIP155_RAW));
  }

  @Test
  void dynamicFeeHandVector() {
    SignedTransaction tx = TransactionCodec.decode(Bytes.fromHex(TYPE2_RAW));
    assertThat(tx.type()).isEqualTo(TransactionType.DYNAMIC_FEE);
    assertThat(tx.transaction()).isEqualTo(TestTransactions.dynamicFee().withSignature(
        tx.transaction().signature()));
    assertThat(tx.hash().toHex())
        .isEqualTo("0x2744c5bb6e7b6d7994455d3346ff9f6aab9c2c00539ce507bdc64cadf909b080");
    assertThat(tx.sender()).contains(KEY.address());
    assertThat(signed(TestTransactions.dynamicFee()).raw()).isEqualTo(Bytes.fromHex(TYPE2_RAW));
  }

  @Test
  void roundTripsEveryEnvelopeIncludingCreationLargeChainIdsAndUint64Extremes() {
    BigInteger bigChain = BigInteger.ONE.shiftLeft(32).add(BigInteger.valueOf(5));
    List<Transaction> txs = List.of(
        TestTransactions.unprotected(),
        TestTransactions.accessList(7),
        new LegacyTransaction(Optional.of(bigChain), -1L, BigInteger.ZERO, -1L, Optional.empty(),
            BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE), Bytes.fromHex("6000"),
            TransactionSignature.NONE),
        TestTransactions.dynamicFee(bigChain, BigInteger.ZERO, BigInteger.ZERO, Long.MIN_VALUE));
    for (Transaction unsigned : txs) {
      SignedTransaction tx = signed(unsigned);
      SignedTransaction decoded = TransactionCodec.decode(tx.raw());
      assertThat(decoded.transaction()).isEqualTo(tx.transaction());
      assertThat(decoded.raw()).isEqualTo(tx.raw());
      assertThat(decoded.hash()).isEqualTo(tx.hash());
      assertThat(decoded.sender()).contains(KEY.address());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0x00, 0x03, 0x04, 0x7f, 0x80, 0xb8, 0xbf})
  void refusesOtherTypesAsUnsupported(int first) {
    byte[] raw = Bytes.fromHex(TYPE2_RAW).toArray();
    raw[0] = (byte) first;
    assertThatThrownBy(() -> TransactionCodec.decode(raw))
        .isInstanceOfSatisfying(UnsupportedTransactionTypeException.class,
            e -> assertThat(e.firstByte()).isEqualTo(first))
        .hasMessage("transaction type not supported");
  }

  @Test
  void emptyInputIsADecodeError() {
    assertThatThrownBy(() -> TransactionCodec.decode(new byte[0]))
        .isExactlyInstanceOf(DecodeException.class);
    assertThatThrownBy(() -> TransactionCodec.decode(new byte[] {0x02}))
        .isExactlyInstanceOf(DecodeException.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 19, 21, 32})
  void toMustBeEmptyOrTwentyBytes(int size) {
    byte[] raw = legacyWithField(3, Rlp.str(new byte[size]));
    assertThatThrownBy(() -> TransactionCodec.decode(raw)).isInstanceOf(DecodeException.class)
        .hasMessageContaining("'to'");
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 1, 26, 29, 30, 34})
  void legacyVMustBe27Or28OrAtLeast35(long v) {
    byte[] raw = legacyWithField(6, Rlp.uint(v));
    assertThatThrownBy(() -> TransactionCodec.decode(raw)).isInstanceOf(DecodeException.class)
        .hasMessageContaining("v must be");
  }

  @Test
  void legacyVDeterminesChainIdAndParity() {
    Transaction v28 = TransactionCodec.decode(legacyWithField(6, Rlp.uint(28))).transaction();
    assertThat(v28.chainId()).isEmpty();
    assertThat(v28.signature().yParity()).isEqualTo(1);
    Transaction v36 = TransactionCodec.decode(legacyWithField(6, Rlp.uint(36))).transaction();
    assertThat(v36.chainId()).contains(BigInteger.ZERO);
    assertThat(v36.signature().yParity()).isEqualTo(1);
    BigInteger bigV = BigInteger.valueOf(0x108097e62L); // ethers: chain id 0x8404bf1f, parity 1
    Transaction big = TransactionCodec.decode(legacyWithField(6, Rlp.uint(bigV))).transaction();
    assertThat(big.chainId()).contains(BigInteger.valueOf(0x8404bf1fL));
    assertThat(big.v()).isEqualTo(bigV);
    BigInteger maxV = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
    byte[] maxRaw = legacyWithField(6, Rlp.uint(maxV));
    Transaction max = TransactionCodec.decode(maxRaw).transaction();
    assertThat(max.v()).isEqualTo(maxV);
    assertThat(TransactionCodec.encode(max)).isEqualTo(maxRaw);
  }

  @Test
  void typedYParityMustBeZeroOrOne() {
    byte[] raw = Bytes.fromHex(TYPE2_RAW).toArray();
    List<RlpItem> fields = new ArrayList<>(((RlpItem.Lst) Rlp.decode(raw, 1, raw.length - 1))
        .items());
    fields.set(9, Rlp.uint(2));
    byte[] body = Rlp.encode(Rlp.list(fields));
    byte[] bad = new byte[body.length + 1];
    bad[0] = 0x02;
    System.arraycopy(body, 0, bad, 1, body.length);
    assertThatThrownBy(() -> TransactionCodec.decode(bad)).isInstanceOf(DecodeException.class)
        .hasMessageContaining("yParity");
  }

  @Test
  void senderIsRecoveredOnceOnFirstUse() {
    SignedTransaction tx = TransactionCodec.decode(Bytes.fromHex(EIP155_RAW));
    assertThat(tx.isSenderRecovered()).isFalse();
    Optional<?> first = tx.sender();
    assertThat(tx.isSenderRecovered()).isTrue();
    assertThat(tx.sender()).isSameAs(first);
  }

  @Test
  void highSOrZeroRHasNoSender() {
    Transaction tx = TransactionCodec.decode(Bytes.fromHex(EIP155_RAW)).transaction();
    TransactionSignature sig = tx.signature();
    // (r, n-s, flipped parity) is the same ECDSA signature: valid math, forbidden by EIP-2.
    TransactionSignature highS = new TransactionSignature(1 - sig.yParity(), sig.r(),
        Secp256k1.N.subtract(sig.s()));
    assertThat(SignedTransaction.of(tx.withSignature(highS)).sender()).isEmpty();
    TransactionSignature zeroR = new TransactionSignature(sig.yParity(), BigInteger.ZERO, sig.s());
    assertThat(SignedTransaction.of(tx.withSignature(zeroR)).sender()).isEmpty();
  }

  @Test
  void signatureForAnotherPayloadRecoversAnotherAddress() {
    Transaction tx = signed(TestTransactions.eip155()).transaction();
    LegacyTransaction other = new LegacyTransaction(tx.chainId(), 10,
        tx.maxFeePerGas(), tx.gasLimit(), tx.to(), tx.value(), tx.data(), tx.signature());
    assertThat(SignedTransaction.of(other).sender()).isNotEqualTo(Optional.of(KEY.address()));
  }

  /** The EIP-155 hand vector with field {@code index} of its RLP list replaced. */
  private static byte[] legacyWithField(int index, RlpItem value) {
    List<RlpItem> fields = new ArrayList<>(((RlpItem.Lst) Rlp.decode(
        Bytes.fromHex(EIP155_RAW).toArray())).items());
    fields.set(index, value);
    return Rlp.encode(Rlp.list(fields));
  }
}
