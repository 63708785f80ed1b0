package dev.bulwark.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.genesis.generator.KeyFiles;
import dev.bulwark.genesis.generator.ValidatorKeys;
import dev.bulwark.ledger.crypto.bls.Bls;
import dev.bulwark.ledger.crypto.bls.BlsPublicKey;
import dev.bulwark.ledger.crypto.bls.BlsSignature;
import dev.bulwark.ledger.types.Bytes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysGenerateCommandTest {
  @Test
  void writesPrivateKeyFilesAndPrintsTheRegistrationData(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("keys");
    CliRun run = CliRun.of("keys", "generate", "--out", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    for (String name : KeyFiles.NAMES) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve(name))))
          .isEqualTo("rw-------");
    }
    Map<String, String> printed = run.outLines().stream()
        .filter(l -> l.matches("[a-zA-Z]+: +0x[0-9a-fA-F]+"))
        .collect(Collectors.toMap(l -> l.substring(0, l.indexOf(':')), l -> l.replaceAll(".*: +", "")));
    ValidatorKeys keys = KeyFiles.read(out);
    assertThat(printed).containsEntry("address", keys.address().toChecksumHex())
        .containsEntry("blsPublicKey", keys.bls().publicKey().toBytes().toHex())
        .containsEntry("nodePublicKey", keys.node().publicKey().toHex());
    BlsPublicKey pk = BlsPublicKey.fromBytes(Bytes.fromHex(printed.get("blsPublicKey")));
    BlsSignature pop = BlsSignature.fromBytes(Bytes.fromHex(printed.get("proofOfPossession")));
    assertThat(Bls.verifyProofOfPossession(pk, pop)).isTrue();
    assertThat(run.out()).contains("register(blsPublicKey, proofOfPossession, nodePublicKey)");
  }

  @Test
  void neverOverwritesAKey(@TempDir Path dir) throws Exception {
    assertThat(CliRun.of("keys", "generate", "--out", dir.toString()).exitCode()).isZero();
    String before = Files.readString(dir.resolve(KeyFiles.BLS));
    CliRun again = CliRun.of("keys", "generate", "--out", dir.toString());
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.errLines().get(0)).isEqualTo(dir.resolve("bls.key") + " already exists; refusing to overwrite a key");
    assertThat(Files.readString(dir.resolve(KeyFiles.BLS))).isEqualTo(before);
  }
}
