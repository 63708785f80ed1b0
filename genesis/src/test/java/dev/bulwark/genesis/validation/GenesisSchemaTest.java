package dev.bulwark.genesis.validation;

import static dev.bulwark.genesis.testing.TestNetworks.edited;
import static dev.bulwark.genesis.testing.TestNetworks.params;
import static dev.bulwark.genesis.testing.TestNetworks.validator;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.bulwark.genesis.codec.GenesisJsonWriter;
import dev.bulwark.genesis.model.ParamSpec;
import dev.bulwark.genesis.testing.TestNetworks;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** genesis/genesis.schema.json agrees with the loader on generated and on broken files. */
class GenesisSchemaTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static JsonSchema schema;
  private static JsonNode schemaTree;

  @BeforeAll
  static void loadSchema() throws Exception {
    // Surefire runs in the module directory, where the schema file lives.
    Path file = Path.of("genesis.schema.json");
    try (InputStream in = Files.newInputStream(file)) {
      schemaTree = MAPPER.readTree(in);
    }
    schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaTree);
  }

  private static Set<ValidationMessage> schemaErrors(String json) throws Exception {
    return schema.validate(MAPPER.readTree(json));
  }

  @Test
  void generatedFilesSatisfyTheSchema() throws Exception {
    for (int n : new int[] {1, 4, 7}) {
      String json = GenesisJsonWriter.write(TestNetworks.generate(n).genesis());
      assertThat(schemaErrors(json)).as("%d validators", n).isEmpty();
      assertThat(GenesisLoader.validate(json).isValid()).isTrue();
    }
  }

  @Test
  void schemaListsExactlyTheParamsOfTheParamTable() {
    Set<String> schemaKeys = new HashSet<>();
    schemaTree.at("/$defs/params/properties").fieldNames().forEachRemaining(schemaKeys::add);
    Set<String> required = new HashSet<>();
    schemaTree.at("/$defs/params/required").forEach(n -> required.add(n.asText()));
    Set<String> table = new HashSet<>(Arrays.stream(ParamSpec.values()).map(ParamSpec::key).toList());
    assertThat(schemaKeys).isEqualTo(table);
    assertThat(required).isEqualTo(table);
  }

  static Stream<Arguments> brokenFiles() {
    return Stream.of(
        Arguments.of("unknown top-level field", (Consumer<ObjectNode>) r -> r.put("extra", 1)),
        Arguments.of("unknown param", (Consumer<ObjectNode>) r -> params(r).put("fooBar", 1)),
        Arguments.of("bps out of range", (Consumer<ObjectNode>) r -> params(r).put("equivocationSlashBps", 10001)),
        Arguments.of("malformed alloc address", (Consumer<ObjectNode>) r ->
            ((ObjectNode) r.get("alloc")).putObject("0xZZ").put("balance", "1")),
        Arguments.of("amount as number", (Consumer<ObjectNode>) r -> validator(r, 0).put("stake", 5)),
        Arguments.of("zero stake", (Consumer<ObjectNode>) r -> validator(r, 0).put("stake", "0")),
        Arguments.of("short BLS key", (Consumer<ObjectNode>) r -> validator(r, 1).put("blsPublicKey", "0x00")),
        Arguments.of("no validators", (Consumer<ObjectNode>) r -> r.putArray("validators")),
        Arguments.of("chain id as string", (Consumer<ObjectNode>) r -> r.put("chainId", "1337")),
        Arguments.of("missing params", (Consumer<ObjectNode>) r -> r.remove("params")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenFiles")
  void brokenFilesAreRejectedByBothSchemaAndLoader(String name, Consumer<ObjectNode> edit) throws Exception {
    String json = edited(edit);
    assertThat(schemaErrors(json)).as("schema on " + name).isNotEmpty();
    assertThat(GenesisLoader.validate(json).errors()).as("loader on " + name).isNotEmpty();
  }
}
