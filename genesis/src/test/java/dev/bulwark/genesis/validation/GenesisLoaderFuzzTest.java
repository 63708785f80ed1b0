package dev.bulwark.genesis.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.genesis.testing.TestNetworks;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Damaged files of every kind produce a report, never another exception. */
class GenesisLoaderFuzzTest {
  private static final long SEED = 20_251_121L;
  private static final String NOISE = "0123456789abcdefx\"{}[],:-. ";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Test
  void damagedBytesNeverEscapeTheReport() {
    Random random = new Random(SEED);
    byte[] valid = TestNetworks.fourJson().getBytes(StandardCharsets.UTF_8);
    int invalid = 0;
    for (int round = 0; round < 150; round++) {
      byte[] damaged = damage(valid, random);
      GenesisReport report = GenesisLoader.validate(damaged);
      assertThat(report.isValid() || !report.errors().isEmpty()).as("seed %d round %d", SEED, round).isTrue();
      assertNoInternalError(report);
      invalid += report.isValid() ? 0 : 1;
    }
    assertThat(invalid).isGreaterThan(100);
  }

  @Test
  void replacedTreeValuesNeverEscapeTheReport() {
    Random random = new Random(SEED + 1);
    for (int round = 0; round < 150; round++) {
      String json = TestNetworks.edited(root -> {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        JsonNode value = randomValue(random);
        if (target instanceof ObjectNode o && o.size() > 0) {
          List<String> names = new ArrayList<>();
          o.fieldNames().forEachRemaining(names::add);
          o.set(names.get(random.nextInt(names.size())), value);
        } else if (target instanceof ArrayNode a && a.size() > 0) {
          a.set(random.nextInt(a.size()), value);
        }
      });
      GenesisReport report = GenesisLoader.validate(json);
      assertThat(report.isValid() || !report.errors().isEmpty()).as("round %d", round).isTrue();
      assertNoInternalError(report);
    }
  }

  private static void assertNoInternalError(GenesisReport report) {
    assertThat(report.errors()).noneMatch(p -> p.reason().startsWith("internal error"));
  }

  private static void collect(JsonNode node, List<JsonNode> out) {
    if (node.isContainerNode()) {
      out.add(node);
      node.elements().forEachRemaining(child -> collect(child, out));
    }
  }

  private static JsonNode randomValue(Random r) {
    return switch (r.nextInt(9)) {
      case 0 -> NODES.nullNode();
      case 1 -> NODES.numberNode(r.nextLong());
      case 2 -> NODES.numberNode(r.nextDouble());
      case 3 -> NODES.textNode("0x" + "ab".repeat(r.nextInt(100)));
      case 4 -> NODES.textNode(String.valueOf(r.nextInt()));
      case 5 -> NODES.arrayNode().add(1);
      case 6 -> NODES.objectNode().put("x", 1);
      case 7 -> NODES.booleanNode(r.nextBoolean());
      default -> NODES.numberNode(new java.math.BigInteger(300, r));
    };
  }

  private static byte[] damage(byte[] valid, Random r) {
    byte[] b = valid.clone();
    int at = r.nextInt(b.length);
    switch (r.nextInt(4)) {
      case 0 -> b[at] = (byte) r.nextInt(256);
      case 1 -> b = java.util.Arrays.copyOf(b, at);
      case 2 -> {
        int len = Math.min(1 + r.nextInt(40), b.length - at);
        byte[] out = new byte[b.length - len];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(b, at + len, out, at, b.length - at - len);
        b = out;
      }
      default -> b[at] = (byte) NOISE.charAt(r.nextInt(NOISE.length()));
    }
    return b;
  }
}
