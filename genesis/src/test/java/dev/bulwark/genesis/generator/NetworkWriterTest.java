package dev.bulwark.genesis.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.genesis.config.NodeConfig;
import dev.bulwark.genesis.config.NodeConfigToml;
import dev.bulwark.genesis.devaccounts.DevAccounts;
import dev.bulwark.genesis.model.Endpoint;
import dev.bulwark.genesis.model.Genesis;
import dev.bulwark.genesis.model.GenesisValidator;
import dev.bulwark.genesis.testing.TestNetworks;
import dev.bulwark.genesis.validation.GenesisLoader;
import dev.bulwark.genesis.validation.GenesisReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkWriterTest {
  @Test
  void writesAValidGenesisKeysAndConfigsThatAgree(@TempDir Path dir) throws Exception {
    GeneratedNetwork network = TestNetworks.four();
    NetworkWriter.Written written = NetworkWriter.write(network, dir, false);

    GenesisReport report = GenesisLoader.validate(written.genesisFile());
    assertThat(report.errors()).isEmpty();
    Genesis genesis = report.genesis().orElseThrow();
    assertThat(genesis.alloc().keySet()).containsAll(DevAccounts.addresses());
    assertThat(genesis.params().admin()).isEqualTo(DevAccounts.standard().get(0).address());
    assertThat(written.validatorDirs()).hasSize(4);

    for (int i = 0; i < 4; i++) {
      Path v = dir.resolve("validator-" + i);
      for (String name : KeyFiles.NAMES) {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(v.resolve(name))))
            .as(name).isEqualTo("rw-------");
      }
      ValidatorKeys keys = KeyFiles.read(v);
      GenesisValidator listed = genesis.validators().get(i);
      assertThat(keys.address()).isEqualTo(listed.address());
      assertThat(keys.bls().publicKey()).isEqualTo(listed.blsPublicKey());
      assertThat(keys.node().publicKey()).isEqualTo(listed.nodePublicKey());

      NodeConfig config = NodeConfigToml.load(v.resolve(NodeConfigToml.FILE_NAME));
      assertThat(config.genesis()).isEqualTo(written.genesisFile().toAbsolutePath().normalize());
      assertThat(config.keyDir()).isEqualTo(v.toAbsolutePath().normalize());
      assertThat(config.dataDir()).isEqualTo(v.resolve("data").toAbsolutePath().normalize());
      assertThat(config.p2pPort()).isEqualTo(30303 + i);
      assertThat(config.rpcPort()).isEqualTo(8545 + i);
      assertThat(config.p2pEndpoint()).isEqualTo(listed.p2pEndpoint());
      assertThat(config.peers()).hasSize(3).doesNotContain(listed.p2pEndpoint())
          .allMatch(p -> genesis.validators().stream().anyMatch(g -> g.p2pEndpoint().equals(p)));
    }
  }

  @Test
  void refusesToOverwriteUnlessForced(@TempDir Path dir) throws Exception {
    NetworkWriter.write(TestNetworks.four(), dir, false);
    String before = Files.readString(dir.resolve("genesis.json"));
    GeneratedNetwork other = TestNetworks.generate(4);
    assertThatThrownBy(() -> NetworkWriter.write(other, dir, false))
        .isInstanceOf(KeyFileException.class).hasMessageContaining("refusing to overwrite")
        .hasMessageContaining("genesis.json");
    assertThat(Files.readString(dir.resolve("genesis.json"))).isEqualTo(before);

    NetworkWriter.write(other, dir, true);
    assertThat(GenesisLoader.load(dir.resolve("genesis.json"))).isEqualTo(other.genesis());
    assertThat(KeyFiles.read(dir.resolve("validator-0")).address())
        .isEqualTo(other.genesis().validators().get(0).address());
    assertThat(PosixFilePermissions.toString(
        Files.getPosixFilePermissions(dir.resolve("validator-0").resolve(KeyFiles.BLS)))).isEqualTo("rw-------");
    try (var files = Files.list(dir.resolve("validator-0"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("bls.key", "account.key", "node.key", "node.toml");
    }
  }

  @Test
  void withoutDevAccountsTheAdminIsValidatorZero() {
    GeneratorOptions o = new GeneratorOptions(2, "node.example", 40000, 9000, 99, 0, false);
    GeneratedNetwork n = GenesisGenerator.generate(o, new SecureRandom());
    Genesis g = n.genesis();
    assertThat(g.params().admin()).isEqualTo(g.validators().get(0).address());
    assertThat(g.alloc()).hasSize(2);
    assertThat(g.validators().get(1).p2pEndpoint()).isEqualTo(new Endpoint("node.example", 40001));
    assertThat(g.chainId()).isEqualTo(99);
  }

  @Test
  void optionsAreCheckedUpFront() {
    assertThatThrownBy(() -> new GeneratorOptions(0, "127.0.0.1", 30303, 8545, 1337, 0, true))
        .hasMessageContaining("between 1 and 1000");
    assertThatThrownBy(() -> new GeneratorOptions(4, "127.0.0.1", 65534, 8545, 1337, 0, true))
        .hasMessage("4 validators need p2p ports 65534-65537, beyond 65535");
    assertThatThrownBy(() -> new GeneratorOptions(4, "127.0.0.1", 8546, 8545, 1337, 0, true))
        .hasMessage("p2p ports 8546-8549 overlap RPC ports 8545-8548");
    assertThatThrownBy(() -> new GeneratorOptions(4, "bad host", 30303, 8545, 1337, 0, true))
        .hasMessageContaining("host");
    assertThatThrownBy(() -> new GeneratorOptions(4, "127.0.0.1", 30303, 8545, 0, 0, true))
        .hasMessageContaining("chain id");
  }

  @Test
  void keyFilesRejectDamagedContent(@TempDir Path dir) throws Exception {
    KeyFiles.write(dir, ValidatorKeys.generate(new SecureRandom()), false);
    assertThatThrownBy(() -> KeyFiles.write(dir, ValidatorKeys.generate(new SecureRandom()), false))
        .isInstanceOf(KeyFileException.class).hasMessageContaining("bls.key");
    Files.writeString(dir.resolve(KeyFiles.ACCOUNT), "0x" + "00".repeat(32));
    assertThatThrownBy(() -> KeyFiles.read(dir)).isInstanceOf(KeyFileException.class)
        .hasMessageContaining("account.key").hasMessageContaining("invalid key");
    Files.writeString(dir.resolve(KeyFiles.ACCOUNT), "not hex");
    assertThatThrownBy(() -> KeyFiles.read(dir)).isInstanceOf(KeyFileException.class)
        .hasMessageContaining("0x followed by 64 hex digits");
    Files.delete(dir.resolve(KeyFiles.NODE));
    Files.writeString(dir.resolve(KeyFiles.ACCOUNT), "0x" + "46".repeat(32));
    assertThatThrownBy(() -> KeyFiles.read(dir)).isInstanceOf(KeyFileException.class)
        .hasMessageContaining("node.key");
  }
}
