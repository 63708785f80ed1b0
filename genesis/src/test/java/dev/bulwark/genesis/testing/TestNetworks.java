package dev.bulwark.genesis.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.genesis.codec.GenesisJsonWriter;
import dev.bulwark.genesis.generator.GeneratedNetwork;
import dev.bulwark.genesis.generator.GenesisGenerator;
import dev.bulwark.genesis.generator.GeneratorOptions;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.function.Consumer;

/** Generated networks and JSON edits shared by the genesis tests. */
public final class TestNetworks {
  /** A fixed genesis time so that files are comparable. */
  public static final long GENESIS_TIME = 1_700_000_000L;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static GeneratedNetwork four;

  private TestNetworks() {}

  /** A 4-validator network with default options (generated once per test JVM). */
  public static synchronized GeneratedNetwork four() {
    if (four == null) {
      four = generate(4);
    }
    return four;
  }

  /** A fresh network of {@code n} validators with default options. */
  public static GeneratedNetwork generate(int n) {
    return GenesisGenerator.generate(GeneratorOptions.defaults(n, GENESIS_TIME), new SecureRandom());
  }

  /** The genesis JSON of {@link #four()}. */
  public static String fourJson() {
    return GenesisJsonWriter.write(four().genesis());
  }

  /** {@link #fourJson()} after applying {@code edit} to its tree. */
  public static String edited(Consumer<ObjectNode> edit) {
    return edited(fourJson(), edit);
  }

  /** {@code json} after applying {@code edit} to its tree. */
  public static String edited(String json, Consumer<ObjectNode> edit) {
    try {
      ObjectNode root = (ObjectNode) MAPPER.readTree(json);
      edit.accept(root);
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** validators[i] of a genesis tree. */
  public static ObjectNode validator(ObjectNode root, int i) {
    return (ObjectNode) root.withArray("validators").get(i);
  }

  /** The params object of a genesis tree. */
  public static ObjectNode params(ObjectNode root) {
    return (ObjectNode) root.get("params");
  }
}
