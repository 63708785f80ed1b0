package dev.bulwark.ledger.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.ledger.testdata.SharedTestData;
import dev.bulwark.ledger.types.Bytes;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The official RLP vectors (ethereum/tests RLPTests) and ethers' RLP test cases, one test each. */
class RlpVectorTest {

  @TestFactory
  Stream<DynamicTest> ethereumValidVectors() {
    return entries(SharedTestData.json("ethereum-tests/RLPTests/rlptest.json"))
        .map(e -> DynamicTest.dynamicTest("rlptest " + e.getKey(),
            () -> assertRoundTrip(fromEthereumIn(e.getValue().get("in")), e.getValue().get("out"))));
  }

  @TestFactory
  Stream<DynamicTest> ethereumInvalidVectors() {
    return entries(SharedTestData.json("ethereum-tests/RLPTests/invalidRLPTest.json"))
        .map(e -> DynamicTest.dynamicTest("invalidRLPTest " + e.getKey(), () -> {
          assertThat(e.getValue().get("in").asText()).isEqualTo("INVALID");
          byte[] out = hex(e.getValue().get("out"));
          assertThatThrownBy(() -> Rlp.decode(out)).isInstanceOf(DecodeException.class);
        }));
  }

  @TestFactory
  Stream<DynamicTest> ethereumRandomVectors() {
    return SharedTestData.jsonFiles("ethereum-tests/RLPTests/RandomRLPTests").stream()
        .flatMap(file -> entries(SharedTestData.json(file))
            .map(e -> DynamicTest.dynamicTest(name(file) + " " + e.getKey(), () -> {
              byte[] out = hex(e.getValue().get("out"));
              if (e.getValue().get("in").asText().equals("VALID")) {
                assertThat(Rlp.encode(Rlp.decode(out))).isEqualTo(out);
              } else {
                assertThatThrownBy(() -> Rlp.decode(out)).isInstanceOf(DecodeException.class);
              }
            })));
  }

  @TestFactory
  Stream<DynamicTest> ethersVectors() {
    JsonNode cases = SharedTestData.json("ethers-testcases/rlp.json.gz");
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : cases) {
      tests.add(DynamicTest.dynamicTest("ethers " + c.get("name").asText(),
          () -> assertRoundTrip(fromEthersDecoded(c.get("decoded")), c.get("encoded"))));
    }
    return tests.stream();
  }

  /** Encoding {@code item} gives {@code expectedHex}, which decodes back to {@code item}. */
  private static void assertRoundTrip(RlpItem item, JsonNode expectedHex) {
    byte[] out = hex(expectedHex);
    assertThat(Bytes.of(Rlp.encode(item))).isEqualTo(Bytes.of(out));
    RlpItem decoded = Rlp.decode(out);
    assertThat(decoded).isEqualTo(item);
    assertThat(Rlp.encode(decoded)).isEqualTo(out);
  }

  /** ethereum/tests "in": text (bytes of the string), integers, "#bigint" decimals, lists. */
  private static RlpItem fromEthereumIn(JsonNode in) {
    if (in.isArray()) {
      List<RlpItem> items = new ArrayList<>();
      in.forEach(n -> items.add(fromEthereumIn(n)));
      return Rlp.list(items);
    }
    if (in.isIntegralNumber()) {
      return Rlp.uint(in.bigIntegerValue());
    }
    String s = in.asText();
    if (s.startsWith("#")) {
      return Rlp.uint(new BigInteger(s.substring(1)));
    }
    return Rlp.str(s.getBytes(StandardCharsets.UTF_8));
  }

  /** ethers "decoded": 0x-hex strings and nested arrays. */
  private static RlpItem fromEthersDecoded(JsonNode decoded) {
    if (decoded.isArray()) {
      List<RlpItem> items = new ArrayList<>();
      decoded.forEach(n -> items.add(fromEthersDecoded(n)));
      return Rlp.list(items);
    }
    return Rlp.str(Bytes.fromHex(decoded.asText()));
  }

  private static Stream<Map.Entry<String, JsonNode>> entries(JsonNode object) {
    List<Map.Entry<String, JsonNode>> list = new ArrayList<>();
    list.addAll(object.properties());
    assertThat(list).as("vector file has entries").isNotEmpty();
    return list.stream();
  }

  private static byte[] hex(JsonNode node) {
    return Bytes.fromHex(node.asText()).toArray();
  }

  private static String name(Path file) {
    return file.getFileName().toString();
  }
}
