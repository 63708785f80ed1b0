package dev.bulwark.ledger.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.ledger.codec.DecodeException;
import dev.bulwark.ledger.testdata.SharedTestData;
import dev.bulwark.ledger.types.Bytes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every entry of ethereum/tests TransactionTests, judged at the newest fork its {@code result}
 * lists. Valid entries must decode to the expected hash, sender and intrinsic gas and re-encode
 * to the exact input; invalid entries must be refused by the codec or by {@link TransactionRules}
 * (chain id 1) for a reason that matches the vector's exception.
 */
class EthereumTransactionTestsTest {
  private static final String DIR = "ethereum-tests/TransactionTests";
  /** Fork names, newest first: a vector is judged by the first one its result lists. */
  static final List<String> FORKS_NEWEST_FIRST =
      List.of("Prague", "Cancun", "Shanghai", "Paris", "London", "Berlin", "Istanbul",
          "ConstantinopleFix", "Constantinople", "Byzantium", "EIP158", "EIP150", "Homestead",
          "Frontier");
  private static final TransactionRules RULES = new TransactionRules(TransactionRules.Config.of(1));
  private static final String DECODE = "DecodeException";
  private static final String TYPE = RejectionReason.TYPE_NOT_SUPPORTED.name();
  private static final String SENDER = RejectionReason.INVALID_SENDER.name();

  /** The Bulwark outcomes that count as the vector's exception (codec or rule). */
  private static final Map<String, Set<String>> ACCEPTED_OUTCOMES = Map.ofEntries(
      Map.entry("ADDRESS_TOO_SHORT", Set.of(DECODE)),
      Map.entry("ADDRESS_TOO_LONG", Set.of(DECODE)),
      Map.entry("NONCE_OVERFLOW", Set.of(DECODE)),
      Map.entry("GASLIMIT_OVERFLOW", Set.of(DECODE)),
      Map.entry("GASPRICE_OVERFLOW", Set.of(DECODE)),
      Map.entry("PRIORITY_OVERFLOW", Set.of(DECODE)),
      Map.entry("VALUE_OVERFLOW", Set.of(DECODE)),
      Map.entry("TYPE_NOT_SUPPORTED", Set.of(TYPE)),
      // v that is no legacy v at all is a decode error; a foreign chain id is "invalid sender".
      Map.entry("INVALID_CHAINID", Set.of(DECODE, SENDER)),
      Map.entry("INVALID_SIGNATURE_VRS", Set.of(DECODE, SENDER)),
      Map.entry("EC_RECOVERY_FAIL", Set.of(SENDER)),
      Map.entry("INTRINSIC_GAS_TOO_LOW", Set.of(RejectionReason.INTRINSIC_GAS_TOO_LOW.name())),
      Map.entry("NONCE_TOO_BIG", Set.of(RejectionReason.NONCE_MAX.name())),
      Map.entry("GASLIMIT_PRICE_PRODUCT_OVERFLOW",
          Set.of(RejectionReason.INSUFFICIENT_FUNDS.name())),
      Map.entry("PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS",
          Set.of(RejectionReason.TIP_ABOVE_FEE_CAP.name())),
      Map.entry("PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS_2",
          Set.of(RejectionReason.TIP_ABOVE_FEE_CAP.name())),
      Map.entry("INITCODE_SIZE_EXCEEDED",
          Set.of(RejectionReason.MAX_INITCODE_SIZE_EXCEEDED.name())));

  /** One vector entry: where it comes from, its input and the expectation at its newest fork. */
  record Vector(String key, String fork, Bytes txbytes, JsonNode expected) {
    boolean valid() {
      return !expected.has("exception");
    }
  }

  @TestFactory
  Stream<DynamicTest> transactionTests() {
    return vectors().stream()
        .map(v -> DynamicTest.dynamicTest(
            (v.valid() ? "valid " : "invalid ") + v.key() + " @" + v.fork(), () -> run(v)));
  }

  @Test
  void exclusionListNamesOnlyExistingVectors() {
    Set<String> keys = new HashSet<>();
    vectors().forEach(v -> keys.add(v.key()));
    assertThat(keys).as("vector keys").containsAll(TransactionTestExclusions.EXCLUDED.keySet());
  }

  private static void run(Vector v) {
    String exclusion = TransactionTestExclusions.EXCLUDED.get(v.key());
    if (exclusion != null) {
      Assumptions.abort("excluded: " + exclusion);
    }
    try {
      if (v.valid()) {
        checkValid(v);
      } else {
        checkInvalid(v);
      }
    } catch (AssertionError | RuntimeException e) {
      // Surefire shows dynamic tests by index; name the vector in the failure itself.
      throw new AssertionError(v.key() + " @" + v.fork() + ": " + e.getMessage(), e);
    }
  }

  private static void checkValid(Vector v) {
    SignedTransaction tx = TransactionCodec.decode(v.txbytes());
    assertThat(tx.hash().toHex()).isEqualTo(v.expected().get("hash").asText().toLowerCase());
    assertThat(tx.sender()).as("sender")
        .hasValueSatisfying(a -> assertThat(a.toHex())
            .isEqualTo(v.expected().get("sender").asText().toLowerCase()));
    assertThat(Bytes.of(TransactionCodec.encode(tx.transaction()))).isEqualTo(v.txbytes());
    assertThat(IntrinsicGas.of(tx.transaction())).isEqualTo(intrinsicGas(v));
    Optional<RejectionReason> admission = RULES.evaluate(tx);
    if (tx.transaction().isContractCreation()) {
      // Bulwark's one deliberate divergence: no EVM, so no contract creation.
      assertThat(admission).contains(RejectionReason.CONTRACT_CREATION_NOT_SUPPORTED);
    } else {
      assertThat(admission).as("admission").isEmpty();
    }
  }

  private static void checkInvalid(Vector v) {
    Set<String> accepted = new HashSet<>();
    for (String exception : v.expected().get("exception").asText().split("\\|")) {
      String name = exception.substring(exception.indexOf('.') + 1);
      Set<String> outcomes = name.startsWith("RLP_")
          ? Set.of(DECODE, TYPE) // malformed RLP; a non-list first byte is "type not supported"
          : ACCEPTED_OUTCOMES.get(name);
      if (outcomes == null) {
        fail("no Bulwark outcome is mapped to " + exception + "; extend ACCEPTED_OUTCOMES");
      }
      accepted.addAll(outcomes);
    }
    assertThat(outcome(v)).as("Bulwark's verdict").isIn(accepted);
  }

  /** DecodeException, TYPE_NOT_SUPPORTED, a rejection reason's name, or "accepted". */
  private static String outcome(Vector v) {
    SignedTransaction tx;
    try {
      tx = TransactionCodec.decode(v.txbytes());
    } catch (UnsupportedTransactionTypeException e) {
      assertThat(e).hasMessage("transaction type not supported");
      return TYPE;
    } catch (DecodeException e) {
      return DECODE;
    }
    long expectedGas = intrinsicGas(v);
    if (expectedGas != 0) {
      assertThat(IntrinsicGas.of(tx.transaction())).as("intrinsic gas").isEqualTo(expectedGas);
    }
    return RULES.evaluate(tx).map(Enum::name).orElse("accepted");
  }

  private static long intrinsicGas(Vector v) {
    return Long.decode(v.expected().get("intrinsicGas").asText());
  }

  private static List<Vector> loaded;

  /** All entries of all files, read once per test run. */
  static synchronized List<Vector> vectors() {
    if (loaded == null) {
      loaded = List.copyOf(load());
    }
    return loaded;
  }

  private static List<Vector> load() {
    List<Vector> vectors = new ArrayList<>();
    Path root = SharedTestData.path(DIR);
    for (Path file : SharedTestData.jsonFiles(DIR)) {
      String prefix = root.relativize(file).toString().replace('\\', '/');
      SharedTestData.json(file).properties().forEach(e -> {
        JsonNode result = e.getValue().get("result");
        String fork = FORKS_NEWEST_FIRST.stream().filter(result::has).findFirst()
            .orElseThrow(() -> new IllegalStateException(
                "no known fork in " + prefix + "#" + e.getKey() + ": " + result.fieldNames()));
        vectors.add(new Vector(prefix + "#" + e.getKey(), fork,
            Bytes.fromHex(e.getValue().get("txbytes").asText()), result.get(fork)));
      });
    }
    return vectors;
  }
}
