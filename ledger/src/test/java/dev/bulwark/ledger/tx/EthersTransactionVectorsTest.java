package dev.bulwark.ledger.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.ledger.crypto.Keccak;
import dev.bulwark.ledger.crypto.Secp256k1;
import dev.bulwark.ledger.testdata.SharedTestData;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.ledger.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * ethers' transaction test cases: for every entry, each signed form (pre-EIP-155 legacy, EIP-155,
 * Berlin = type 1, London = type 2) decodes to the entry's fields, hashes to keccak of its bytes,
 * recovers the address of {@code privateKey}, re-encodes to the exact bytes and has the signing
 * hash of the matching unsigned form; the Cancun (type 3, blob) form is refused as unsupported.
 * Entries without a chain id have no EIP-155 or Cancun form (ethers leaves those empty).
 */
class EthersTransactionVectorsTest {
  /** Re-signing with RFC 6979 is slower than recovery, so only every n-th entry is re-signed. */
  private static final int RESIGN_EVERY = 40;

  private enum Form {
    LEGACY("Legacy", TransactionType.LEGACY),
    EIP155("Eip155", TransactionType.LEGACY),
    BERLIN("Berlin", TransactionType.ACCESS_LIST),
    LONDON("London", TransactionType.DYNAMIC_FEE);

    final String suffix;
    final TransactionType type;

    Form(String suffix, TransactionType type) {
      this.suffix = suffix;
      this.type = type;
    }
  }

  @TestFactory
  Stream<DynamicTest> ethersTransactions() {
    JsonNode cases = SharedTestData.json("ethers-testcases/transactions.json.gz");
    assertThat(cases.size()).isPositive();
    return IntStream.range(0, cases.size())
        .mapToObj(i -> DynamicTest.dynamicTest(
            "ethers " + cases.get(i).get("name").asText(), () -> run(cases.get(i), i)));
  }

  private static void run(JsonNode entry, int index) {
    try {
      check(entry, index);
    } catch (AssertionError | RuntimeException e) {
      // Surefire shows dynamic tests by index; name the entry in the failure itself.
      throw new AssertionError(entry.get("name").asText() + ": " + e.getMessage(), e);
    }
  }

  private static void check(JsonNode entry, int index) {
    Secp256k1.KeyPair key = Secp256k1.fromPrivateKey(hex(entry, "privateKey"));
    for (Form form : Form.values()) {
      Bytes raw = hex(entry, "signed" + form.suffix);
      if (raw.isEmpty()) {
        // ethers leaves a form empty where it does not apply (no chain id: no EIP-155 form).
        assertThat(form).isEqualTo(Form.EIP155);
        assertThat(entry.get("transaction").has("chainId")).isFalse();
        continue;
      }
      SignedTransaction signed = TransactionCodec.decode(raw);
      Transaction tx = signed.transaction();
      String what = entry.get("name").asText() + " signed" + form.suffix;
      assertThat(signed.type()).as(what + " type").isEqualTo(form.type);
      assertThat(signed.hash()).as(what + " hash").isEqualTo(Keccak.hash(raw));
      assertThat(signed.sender()).as(what + " sender").contains(key.address());
      assertThat(Bytes.of(TransactionCodec.encode(tx))).as(what + " re-encoding").isEqualTo(raw);
      assertThat(TransactionCodec.signingHash(tx)).as(what + " signing hash")
          .isEqualTo(Keccak.hash(hex(entry, "unsigned" + form.suffix)));
      assertFields(entry.get("transaction"), form, tx, what);
      assertSignature(entry.get("signature" + form.suffix), tx, what);
      if (index % RESIGN_EVERY == 0) {
        assertThat(TransactionSigner.sign(tx.withSignature(TransactionSignature.NONE), key).raw())
            .as(what + " re-signed").isEqualTo(raw);
      }
    }
    Bytes blob = hex(entry, "signedCancun");
    if (blob.isEmpty()) {
      return; // a blob transaction needs a chain id and a recipient
    }
    assertThatThrownBy(() -> TransactionCodec.decode(blob))
        .isInstanceOf(UnsupportedTransactionTypeException.class)
        .hasMessage("transaction type not supported");
  }

  private static void assertFields(JsonNode json, Form form, Transaction tx, String what) {
    assertThat(Long.toUnsignedString(tx.nonce())).as(what + " nonce")
        .isEqualTo(number(json, "nonce").toString());
    assertThat(Long.toUnsignedString(tx.gasLimit())).as(what + " gasLimit")
        .isEqualTo(number(json, "gasLimit").toString());
    assertThat(tx.value()).as(what + " value").isEqualTo(number(json, "value"));
    assertThat(tx.data()).as(what + " data")
        .isEqualTo(json.has("data") ? Bytes.fromHex(json.get("data").asText()) : Bytes.EMPTY);
    Optional<Address> to = json.hasNonNull("to")
        ? Optional.of(Address.fromHex(json.get("to").asText())) : Optional.empty();
    assertThat(tx.to()).as(what + " to").isEqualTo(to);
    if (form == Form.LEGACY) {
      assertThat(tx.chainId()).as(what + " chainId").isEmpty();
    } else {
      assertThat(tx.chainId()).as(what + " chainId").contains(number(json, "chainId"));
    }
    if (form == Form.LONDON) {
      assertThat(tx.maxFeePerGas()).as(what + " maxFee").isEqualTo(number(json, "maxFeePerGas"));
      assertThat(tx.maxPriorityFeePerGas()).as(what + " maxPriorityFee")
          .isEqualTo(number(json, "maxPriorityFeePerGas"));
    } else {
      assertThat(tx.maxFeePerGas()).as(what + " gasPrice").isEqualTo(number(json, "gasPrice"));
    }
    List<AccessListEntry> accessList = new ArrayList<>();
    if (form == Form.BERLIN || form == Form.LONDON) {
      json.path("accessList").forEach(e -> {
        List<Hash> keys = new ArrayList<>();
        e.get("storageKeys").forEach(k -> keys.add(Hash.fromHex(k.asText())));
        accessList.add(new AccessListEntry(Address.fromHex(e.get("address").asText()), keys));
      });
    }
    assertThat(tx.accessList()).as(what + " accessList").isEqualTo(accessList);
  }

  private static void assertSignature(JsonNode sig, Transaction tx, String what) {
    assertThat(tx.signature().r()).as(what + " r").isEqualTo(number(sig, "r"));
    assertThat(tx.signature().s()).as(what + " s").isEqualTo(number(sig, "s"));
    assertThat(tx.v()).as(what + " v").isEqualTo(number(sig, "v"));
  }

  /** A JSON integer or 0x-hex quantity; absent means zero (ethers' defaults). */
  private static BigInteger number(JsonNode json, String field) {
    JsonNode n = json.get(field);
    if (n == null || n.isNull()) {
      return BigInteger.ZERO;
    }
    if (n.isIntegralNumber()) {
      return n.bigIntegerValue();
    }
    String hex = n.asText().substring(2);
    return hex.isEmpty() ? BigInteger.ZERO : new BigInteger(hex, 16);
  }

  private static Bytes hex(JsonNode json, String field) {
    return Bytes.fromHex(json.get(field).asText());
  }
}
