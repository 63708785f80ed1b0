package dev.bulwark.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.genesis.model.Genesis;
import dev.bulwark.genesis.validation.GenesisLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenesisCommandsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  @TempDir Path dir;
  private Path net;
  private Path genesis;

  @BeforeEach
  void createNetwork() {
    net = dir.resolve("net");
    CliRun run = CliRun.of("genesis", "create", "--validators", "4", "--out", net.toString(),
        "--genesis-time", "1700000000");
    assertThat(run.exitCode()).as(run.err()).isZero();
    genesis = net.resolve("genesis.json");
  }

  @Test
  void createdNetworkValidatesAndHasPrivateKeyFiles() throws Exception {
    CliRun run = CliRun.of("genesis", "validate", genesis.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out().strip()).isEqualTo("valid");
    assertThat(run.errLines()).allMatch(l -> l.startsWith("warning: "))
        .anyMatch(l -> l.startsWith("warning: alloc: funds 10 well-known development accounts"));

    Genesis g = GenesisLoader.load(genesis);
    assertThat(g.genesisTime()).isEqualTo(1_700_000_000L);
    for (int i = 0; i < 4; i++) {
      Path v = net.resolve("validator-" + i);
      for (String key : new String[] {"bls.key", "account.key", "node.key"}) {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(v.resolve(key))))
            .isEqualTo("rw-------");
      }
      assertThat(v.resolve("node.toml")).exists();
    }
  }

  @Test
  void createPrintsPathsAndValidatorAddresses() {
    Path other = dir.resolve("other");
    CliRun run = CliRun.of("genesis", "create", "--validators", "2", "--out", other.toString(),
        "--host", "node.example", "--base-p2p-port", "40000", "--base-rpc-port", "9000", "--chain-id", "77");
    assertThat(run.exitCode()).isZero();
    Genesis g = GenesisLoader.load(other.resolve("genesis.json"));
    assertThat(g.chainId()).isEqualTo(77);
    assertThat(run.out()).contains(other.resolve("genesis.json").toString())
        .contains(g.validators().get(0).address().toChecksumHex())
        .contains(g.validators().get(1).address().toChecksumHex())
        .contains("p2p node.example:40001  rpc 9001");
  }

  @Test
  void corruptedFieldsGiveExitOneAndPathReasonLines() throws Exception {
    assertInvalid(root -> validator(root, 2).set("blsPublicKey", validator(root, 0).get("blsPublicKey")),
        "validators[2].blsPublicKey: duplicate of validators[0].blsPublicKey");
    assertInvalid(root -> validator(root, 1).set("proofOfPossession", validator(root, 3).get("proofOfPossession")),
        "validators[1].proofOfPossession: does not verify against blsPublicKey (not signed by its secret key)");
    assertInvalid(root -> validator(root, 0).put("stake", "0"),
        "validators[0].stake: must be greater than zero");
    assertInvalid(root -> ((ObjectNode) root.get("params")).put("fooBar", 1),
        "params.fooBar: unknown field");
    assertInvalid(root -> ((ObjectNode) root.get("alloc")).putObject("0xZZ").put("balance", "1"),
        "alloc.0xZZ: malformed address (expected 0x followed by 40 hex digits)");
    assertInvalid(root -> validator(root, 3).put("address", "0x12"),
        "validators[3].address: malformed address (expected 0x followed by 40 hex digits)");
  }

  @Test
  void everyErrorIsPrintedOnItsOwnLine() throws Exception {
    Path bad = corrupt(root -> {
      validator(root, 0).put("stake", "0");
      ((ObjectNode) root.get("params")).put("equivocationSlashBps", 10001);
      root.put("extra", true);
    });
    CliRun run = CliRun.of("genesis", "validate", bad.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines()).containsExactly(
        "extra: unknown field",
        "params.equivocationSlashBps: must be between 0 and 10000",
        "validators[0].stake: must be greater than zero",
        "invalid: 3 errors in " + bad);
  }

  @Test
  void invalidJsonReportsLineAndColumn() throws Exception {
    Path bad = dir.resolve("broken.json");
    Files.writeString(bad, "{\n  \"chainId\": 1337,\n  ]\n");
    CliRun run = CliRun.of("genesis", "validate", bad.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.errLines().get(0)).startsWith("(root): invalid JSON at line 3, column 3");
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(CliRun.of("genesis", "validate").exitCode()).isEqualTo(2);
    CliRun missing = CliRun.of("genesis", "validate", dir.resolve("nope.json").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).startsWith("No such file: ");
    assertThat(CliRun.of("genesis").exitCode()).isEqualTo(2);
    assertThat(CliRun.of("genesis", "create", "--out", dir.toString()).err()).contains("--validators");
  }

  @Test
  void createChecksItsFlagsBeforeWritingAnything() throws Exception {
    Path out = dir.resolve("fresh");
    assertUsage("--validators must be between 1 and 1000, got 0", "--validators", "0", "--out", out.toString());
    assertUsage("--base-p2p-port 65534 leaves no room for 4 validators: ports 65534-65537 go beyond 65535",
        "--validators", "4", "--out", out.toString(), "--base-p2p-port", "65534");
    assertUsage("--base-rpc-port must be between 1 and 65535, got 0",
        "--validators", "4", "--out", out.toString(), "--base-rpc-port", "0");
    assertUsage("--base-p2p-port and --base-rpc-port overlap: p2p ports 8546-8549 and RPC ports 8545-8548 share a port",
        "--validators", "4", "--out", out.toString(), "--base-p2p-port", "8546");
    assertUsage("--chain-id must be between 1 and 4294967295, got 0",
        "--validators", "1", "--out", out.toString(), "--chain-id", "0");
    Path file = Files.writeString(dir.resolve("plain-file"), "x");
    assertUsage("--out " + file + " exists and is not a directory", "--validators", "1", "--out", file.toString());
    assertThat(out).doesNotExist();
  }

  @Test
  void createRefusesToOverwriteUnlessForced() throws Exception {
    String before = Files.readString(genesis);
    assertUsage(genesis + " already exists; use --force to replace the network in " + net,
        "--validators", "4", "--out", net.toString());
    assertThat(Files.readString(genesis)).isEqualTo(before);

    CliRun forced = CliRun.of("genesis", "create", "--validators", "4", "--out", net.toString(), "--force");
    assertThat(forced.exitCode()).as(forced.err()).isZero();
    assertThat(Files.readString(genesis)).isNotEqualTo(before);
    assertThat(CliRun.of("genesis", "validate", genesis.toString()).exitCode()).isZero();
  }

  private void assertUsage(String message, String... createArgs) {
    String[] args = new String[createArgs.length + 2];
    args[0] = "genesis";
    args[1] = "create";
    System.arraycopy(createArgs, 0, args, 2, createArgs.length);
    CliRun run = CliRun.of(args);
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.errLines().get(0)).isEqualTo(message);
  }

  private void assertInvalid(Consumer<ObjectNode> edit, String expectedLine) throws Exception {
    CliRun run = CliRun.of("genesis", "validate", corrupt(edit).toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.errLines()).contains(expectedLine);
    assertThat(run.out()).doesNotContain("valid");
  }

  private Path corrupt(Consumer<ObjectNode> edit) throws Exception {
    ObjectNode root = (ObjectNode) MAPPER.readTree(genesis.toFile());
    edit.accept(root);
    Path out = Files.createTempFile(dir, "corrupt", ".json");
    MAPPER.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), root);
    return out;
  }

  private static ObjectNode validator(ObjectNode root, int i) {
    return (ObjectNode) root.get("validators").get(i);
  }
}
