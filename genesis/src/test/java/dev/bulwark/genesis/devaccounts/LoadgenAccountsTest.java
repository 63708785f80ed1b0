package dev.bulwark.genesis.devaccounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.genesis.generator.GeneratedNetwork;
import dev.bulwark.genesis.generator.GenesisGenerator;
import dev.bulwark.genesis.generator.GeneratorOptions;
import dev.bulwark.genesis.generator.NetworkWriter;
import dev.bulwark.genesis.model.Genesis;
import dev.bulwark.genesis.validation.GenesisLoader;
import dev.bulwark.ledger.crypto.Keccak;
import dev.bulwark.ledger.crypto.Secp256k1;
import dev.bulwark.ledger.types.Bytes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loadgen senders: re-derivable from the documented text alone, and funded by the generator. */
class LoadgenAccountsTest {
  @Test
  void keyIIsKeccakOfTheDocumentedText() {
    for (int i : new int[] {0, 1, 41, 99_999}) {
      byte[] expected = Keccak.hash256(("bulwark-loadgen:" + i).getBytes(StandardCharsets.US_ASCII));
      assertThat(LoadgenAccounts.privateKey(i)).isEqualTo(Bytes.of(expected));
    }
    List<DevAccount> accounts = LoadgenAccounts.derive(3);
    assertThat(accounts).extracting(DevAccount::index).containsExactly(0, 1, 2);
    assertThat(accounts.get(2).address())
        .isEqualTo(Secp256k1.fromPrivateKey(LoadgenAccounts.privateKey(2)).address());
    assertThat(accounts).extracting(DevAccount::address).doesNotHaveDuplicates();
  }

  @Test
  void theGeneratorFundsTheRequestedAccountsBesideTheDevelopmentAccounts(@TempDir Path dir) throws Exception {
    GeneratedNetwork network = GenesisGenerator.generate(
        new GeneratorOptions(1, "127.0.0.1", 30303, 8545, 1337, 1_700_000_000L, true, 25), new SecureRandom());
    NetworkWriter.write(network, dir, false);
    Genesis genesis = GenesisLoader.load(dir.resolve(NetworkWriter.GENESIS_FILE));
    for (DevAccount a : LoadgenAccounts.derive(25)) {
      assertThat(genesis.alloc().get(a.address()).balance())
          .isEqualTo(GenesisGenerator.LOADGEN_ACCOUNT_BALANCE);
    }
    assertThat(genesis.alloc()).hasSize(DevAccounts.COUNT + 25 + 1);
    assertThat(genesis.alloc().keySet()).doesNotContain(
        Secp256k1.fromPrivateKey(LoadgenAccounts.privateKey(25)).address());
  }
}
