package dev.bulwark.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.genesis.devaccounts.LoadgenAccounts;
import dev.bulwark.genesis.model.Genesis;
import dev.bulwark.genesis.validation.GenesisLoader;
import dev.bulwark.ledger.crypto.Secp256k1;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loadgen options and {@code genesis create --loadgen-accounts}, without a network. */
class LoadgenCommandTest {
  @Test
  void genesisCreateFundsTheLoadgenAccounts(@TempDir Path dir) {
    CliRun run = CliRun.of("genesis", "create", "--validators", "1", "--out", dir.toString(),
        "--loadgen-accounts", "7");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Funded 7 loadgen accounts");
    Genesis genesis = GenesisLoader.load(dir.resolve("genesis.json"));
    assertThat(genesis.alloc()).containsKey(Secp256k1.fromPrivateKey(LoadgenAccounts.privateKey(6)).address());
  }

  @Test
  void badOptionsAreUsageErrors() {
    assertThat(CliRun.of("genesis", "create", "--validators", "1", "--out", "/tmp/never",
        "--loadgen-accounts", "-1").exitCode()).isEqualTo(2);
    for (String[] args : new String[][] {
        {"loadgen", "--rate", "0"}, {"loadgen", "--rate", "fast"}, {"loadgen", "--transport", "udp"},
        {"loadgen", "--type", "1"}, {"loadgen", "--batch", "0"}, {"loadgen", "--rpc", "ws://127.0.0.1:1/"},
        {"bench", "network", "--validators", "0"}, {"bench", "network", "--rate", "-5"}}) {
      CliRun run = CliRun.of(args);
      assertThat(run.exitCode()).as(String.join(" ", args) + ": " + run.err()).isEqualTo(2);
    }
  }
}
