package dev.bulwark.genesis.validation;

import static dev.bulwark.genesis.testing.TestNetworks.edited;
import static dev.bulwark.genesis.testing.TestNetworks.params;
import static dev.bulwark.genesis.testing.TestNetworks.validator;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.genesis.model.Genesis;
import dev.bulwark.genesis.model.Problem;
import dev.bulwark.genesis.testing.TestNetworks;
import java.util.List;
import org.junit.jupiter.api.Test;

class GenesisLoaderTest {
  private static List<String> errors(String json) {
    return errors(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static List<String> errors(byte[] json) {
    GenesisReport report = GenesisLoader.validate(json);
    assertThat(report.isValid()).as("expected an invalid genesis").isFalse();
    return report.errors().stream().map(Problem::toString).toList();
  }

  @Test
  void generatedGenesisIsValidAndRoundTrips() {
    GenesisReport report = GenesisLoader.validate(TestNetworks.fourJson());
    assertThat(report.errors()).isEmpty();
    Genesis loaded = report.genesis().orElseThrow();
    assertThat(loaded).isEqualTo(TestNetworks.four().genesis());
    assertThat(loaded.chainId()).isEqualTo(1337);
    assertThat(report.warnings()).extracting(Problem::path).contains("alloc", "params.admin")
        .doesNotContain("validators");
  }

  @Test
  void duplicateKeysAreReportedAgainstTheFirstOccurrence() {
    List<String> errors = errors(edited(root -> {
      validator(root, 2).set("blsPublicKey", validator(root, 0).get("blsPublicKey"));
      validator(root, 3).set("address", validator(root, 1).get("address"));
      validator(root, 3).set("nodePublicKey", validator(root, 0).get("nodePublicKey"));
      validator(root, 1).set("p2pEndpoint", validator(root, 0).get("p2pEndpoint"));
    }));
    assertThat(errors).contains(
        "validators[2].blsPublicKey: duplicate of validators[0].blsPublicKey",
        "validators[3].address: duplicate of validators[1].address",
        "validators[3].nodePublicKey: duplicate of validators[0].nodePublicKey",
        "validators[1].p2pEndpoint: duplicate of validators[0].p2pEndpoint");
    // The copied BLS key no longer matches validator 2's proof of possession.
    assertThat(errors).anyMatch(e -> e.startsWith("validators[2].proofOfPossession: does not verify"));
  }

  @Test
  void reportsABadProofOfPossession() {
    List<String> errors = errors(edited(root ->
        validator(root, 1).set("proofOfPossession", validator(root, 0).get("proofOfPossession"))));
    assertThat(errors).containsExactly(
        "validators[1].proofOfPossession: does not verify against blsPublicKey (not signed by its secret key)");
  }

  @Test
  void reportsStakeProblems() {
    assertThat(errors(edited(root -> validator(root, 0).put("stake", "0"))))
        .containsExactly("validators[0].stake: must be greater than zero");
    assertThat(errors(edited(root -> validator(root, 1).put("stake", "99"))))
        .containsExactly("validators[1].stake: below params.minStake (100000000000000000000000)");
    assertThat(errors(edited(root -> root.withArray("validators").forEach(v -> ((ObjectNode) v).put("stake", "0")))))
        .contains("validators[0].stake: must be greater than zero", "validators: total stake is zero");
    assertThat(errors(edited(root -> root.putArray("validators"))))
        .containsExactly("validators: must list at least one validator (total stake is zero)");
  }

  @Test
  void reportsOutOfRangeAndMalformedValues() {
    List<String> errors = errors(edited(root -> {
      params(root).put("equivocationSlashBps", 10001);
      params(root).put("minStake", "1e18");
      params(root).put("minBaseFeePerGas", "1" + "0".repeat(78));
      params(root).put("epochLengthBlocks", 0);
      root.put("chainId", 4_294_967_296L);
      validator(root, 0).put("address", "0x1234");
      validator(root, 1).put("blsPublicKey", "0x" + "11".repeat(48));
      validator(root, 2).put("nodePublicKey", "0x01" + "00".repeat(31));
      validator(root, 3).put("p2pEndpoint", "localhost");
      ((ObjectNode) root.get("alloc")).putObject("0xZZ").put("balance", "1");
    }));
    assertThat(errors).contains(
        "params.equivocationSlashBps: must be between 0 and 10000",
        "params.minStake: must be a decimal string of digits (no sign, exponent, hex or spaces)",
        "params.minBaseFeePerGas: exceeds the uint256 range",
        "params.epochLengthBlocks: must be between 1 and 4294967295",
        "chainId: must be between 1 and 4294967295",
        "validators[0].address: malformed address (expected 0x followed by 40 hex digits)",
        "validators[2].nodePublicKey: is not a valid Ed25519 public key",
        "validators[3].p2pEndpoint: must be \"host:port\", got \"localhost\"",
        "alloc.0xZZ: malformed address (expected 0x followed by 40 hex digits)");
    assertThat(errors).anyMatch(e -> e.startsWith("validators[1].blsPublicKey: invalid BLS12-381 public key"));
  }

  @Test
  void reportsUnknownFieldsAtEveryLevel() {
    List<String> errors = errors(edited(root -> {
      root.put("extraData", "0x");
      params(root).put("fooBar", 1);
      validator(root, 0).put("weight", 1);
      ObjectNode account = (ObjectNode) root.get("alloc").elements().next();
      account.put("nonce", 0);
    }));
    String firstAlloc = errors.stream().filter(e -> e.startsWith("alloc.")).findFirst().orElseThrow();
    assertThat(errors).contains("extraData: unknown field", "params.fooBar: unknown field",
        "validators[0].weight: unknown field");
    assertThat(firstAlloc).endsWith(".nonce: unknown field");
    assertThat(errors).hasSize(4);
  }

  @Test
  void reportsWrongJsonTypesAndMissingFields() {
    List<String> errors = errors(edited(root -> {
      root.put("chainId", "1337");
      root.put("genesisTime", 1.5);
      params(root).put("minStake", 5);
      params(root).remove("admin");
      validator(root, 0).putNull("stake");
      root.putObject("validators");
      root.putArray("alloc");
    }));
    assertThat(errors).containsExactly(
        "chainId: must be a JSON number, got a string",
        "genesisTime: must be an integer, got 1.5",
        "params.minStake: must be a decimal string such as \"1000\", not a JSON number",
        "params.admin: is missing",
        "validators: must be a JSON array, got an object",
        "alloc: must be a JSON object, got an array");
  }

  @Test
  void reportsInvalidJsonWithLineAndColumn() {
    List<String> errors = errors("{\n  \"chainId\": 1337,\n  ,\n}");
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0)).startsWith("(root): invalid JSON at line 3, column 3: ");
    assertThat(errors("")).containsExactly("(root): the file is empty");
    assertThat(errors("[]")).containsExactly("(root): must be a JSON object, got an array");
    assertThat(errors(TestNetworks.fourJson() + "{}").get(0)).startsWith("(root): invalid JSON at line");
    assertThat(errors("{\"chainId\": 1, \"chainId\": 2}").get(0)).contains("Duplicate field 'chainId'");
    assertThat(errors("[".repeat(100_000)).get(0)).startsWith("(root): invalid JSON");
    assertThat(errors("{\"chainId\": " + "9".repeat(5000) + "}").get(0)).startsWith("(root): invalid JSON");
    assertThat(errors(new byte[] {'{', '"', (byte) 0xff, '"', ':', '1', '}'}).get(0)).startsWith("(root): invalid JSON");
  }

  @Test
  void reportsParameterRelations() {
    assertThat(errors(edited(root -> {
      params(root).put("inactivityThresholdSlots", 2001);
      params(root).put("maxEvidenceAgeBlocks", 20_000);
    }))).containsExactly(
        "params.inactivityThresholdSlots: must not exceed inactivityWindowSlots (2000)",
        "params.maxEvidenceAgeBlocks: must not exceed unbondingPeriodBlocks (14400), or stake could be withdrawn before its evidence expires");
  }

  @Test
  void reportsAddressCaseDuplicatesAndBadChecksums() {
    List<String> errors = errors(edited(root -> {
      ObjectNode alloc = (ObjectNode) root.get("alloc");
      String first = alloc.fieldNames().next();
      alloc.putObject(first.toLowerCase()).put("balance", "1");
      String bad = first.substring(0, 2) + swapCase(first.substring(2));
      params(root).put("admin", bad);
    }));
    assertThat(errors).anyMatch(e -> e.matches("alloc\\.0x[0-9a-f]{40}: duplicate of alloc\\.0x[0-9a-fA-F]{40}"));
    assertThat(errors).anyMatch(e -> e.startsWith("params.admin: bad EIP-55 checksum (expected 0x"));
  }

  @Test
  void collectsEveryProblemInOnePass() {
    List<String> errors = errors(edited(root -> {
      root.put("chainId", 0);
      params(root).put("inactivitySlashBps", -1);
      validator(root, 0).put("stake", "-5");
      validator(root, 1).put("proofOfPossession", "0x00");
      validator(root, 2).remove("nodePublicKey");
    }));
    assertThat(errors).containsExactly(
        "chainId: must be between 1 and 4294967295",
        "params.inactivitySlashBps: must be between 0 and 10000",
        "validators[0].stake: must be a decimal string of digits (no sign, exponent, hex or spaces)",
        "validators[1].proofOfPossession: must be 0x followed by 192 hex digits (96 bytes)",
        "validators[2].nodePublicKey: is missing");
  }

  @Test
  void warnsAboutASingleValidator() {
    GenesisReport report = GenesisLoader.validate(
        dev.bulwark.genesis.codec.GenesisJsonWriter.write(TestNetworks.generate(1).genesis()));
    assertThat(report.isValid()).isTrue();
    assertThat(report.warnings()).map(Problem::toString)
        .anyMatch(w -> w.startsWith("validators: only 1 validator: no fault tolerance"));
  }

  private static String swapCase(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      b.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
    }
    return b.toString();
  }
}
