package dev.bulwark.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.genesis.validation.GenesisLoader;
import dev.bulwark.node.storage.DataDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bulwark node} and {@code bulwark devnet} refuse bad settings up front, with exit 2. */
class NodeCommandTest {
  @TempDir Path dir;
  private Path net;

  @BeforeEach
  void createNetwork() {
    net = dir.resolve("net");
    assertThat(CliRun.of("genesis", "create", "--validators", "4", "--out", net.toString())
        .exitCode()).isZero();
  }

  private CliRun node(String... extra) {
    String[] args = new String[extra.length + 1];
    args[0] = "node";
    System.arraycopy(extra, 0, args, 1, extra.length);
    return CliRun.of(args);
  }

  private String config() {
    return net.resolve("validator-0/node.toml").toString();
  }

  private NodeCommand parsed(String... args) {
    NodeCommand command = new NodeCommand();
    new picocli.CommandLine(command).parseArgs(args);
    return command;
  }

  @Test
  void unprotectedTransactionsOverRpcAreAllowedUnlessTurnedOff() {
    assertThat(parsed("--config", config()).settings().rpc().allowUnprotectedTxs()).isTrue();
    assertThat(parsed("--config", config(), "--no-rpc-allow-unprotected-txs").settings()
        .rpc().allowUnprotectedTxs()).isFalse();
    assertThat(parsed("--config", config(), "--rpc-allow-unprotected-txs=false").settings()
        .rpc().allowUnprotectedTxs()).isFalse();
  }

  @Test
  void stateHistoryComesFromTheFlagOverNodeTomlAndDefaultsToArchive() throws Exception {
    assertThat(parsed("--config", config()).settings().stateHistoryBlocks()).isZero();
    Path toml = net.resolve("validator-0/node.toml");
    Files.writeString(toml, Files.readString(toml) + "stateHistoryBlocks = 128\n");
    assertThat(parsed("--config", config()).settings().stateHistoryBlocks()).isEqualTo(128);
    assertThat(parsed("--config", config(), "--state-history-blocks", "64").settings()
        .stateHistoryBlocks()).isEqualTo(64);
    CliRun tooShort = node("--config", config(), "--state-history-blocks", "3");
    assertThat(tooShort.exitCode()).isEqualTo(2);
    assertThat(tooShort.err()).contains("--state-history-blocks must be at least 16, got 3");
  }

  @Test
  void needsAConfigOrAGenesis() {
    CliRun run = node("--data-dir", dir.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("give --config or --genesis");
  }

  @Test
  void aValidatorNeedsKeys() {
    CliRun run = node("--genesis", net.resolve("genesis.json").toString(), "--data-dir", dir.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("a validator needs --key-dir");
  }

  @Test
  void rejectsBadPortsPeersObserversAndIntervals() {
    assertThat(node("--config", config(), "--p2p-port", "70000").err())
        .contains("--p2p-port must be between 1 and 65535, got 70000");
    assertThat(node("--config", config(), "--p2p-port", "9000", "--rpc-port", "9000").err())
        .contains("--p2p-port and --rpc-port must differ");
    assertThat(node("--config", config(), "--peers", "localhost").err())
        .contains("--peers: localhost is not HOST:PORT");
    assertThat(node("--config", config(), "--observers", "0x1234").err())
        .contains("--observers: 0x1234 is not a 32-byte Ed25519 node public key");
    assertThat(node("--config", config(), "--min-block-interval", "-1").err())
        .contains("--min-block-interval must be between 0 and 60000 ms, got -1");
    assertThat(node("--config", config(), "--state-nodes-in-memory", "-5").err())
        .contains("--state-nodes-in-memory must not be negative, got -5");
    assertThat(node("--config", config(), "--state-nodes-in-memory", "many").err())
        .contains("--state-nodes-in-memory");
    assertThat(node("--config", config(), "--rpc-max-batch-size", "0").err())
        .contains("--rpc-max-batch-size must be between 1 and 2147483647, got 0");
    assertThat(node("--config", config(), "--tls-key", config()).err())
        .contains("--tls-key and --tls-cert go together");
    assertThat(node("--config", config(), "--tls-key", config(), "--tls-cert", "/nonexistent.pem").err())
        .contains("TLS file /nonexistent.pem is not a readable file");
  }

  @Test
  void reportsEveryGenesisProblemAndAMissingConfig() throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"chainId\": 0}");
    CliRun run = node("--genesis", bad.toString(), "--key-dir", net.resolve("validator-0").toString(),
        "--data-dir", dir.resolve("d").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("is invalid:").contains("chainId");

    CliRun missing = node("--config", dir.resolve("nope.toml").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("--config " + dir.resolve("nope.toml"));
  }

  @Test
  void aStoreOfAnotherChainIsRefusedWithoutTouchingIt() throws Exception {
    Path other = dir.resolve("other");
    assertThat(CliRun.of("genesis", "create", "--validators", "4", "--out", other.toString(),
        "--chain-id", "99").exitCode()).isZero();
    Path data = dir.resolve("shared-data");
    new DataDirectory(data).openLedger(GenesisLoader.load(other.resolve("genesis.json"))).close();

    CliRun run = node("--config", config(), "--data-dir", data.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("cannot open the ledger");
  }

  @Test
  void devnetRejectsOverlappingPortsAndAWrongValidatorCount() {
    CliRun overlap = CliRun.of("devnet", "--data-dir", dir.resolve("dn").toString(),
        "--rpc-port", "30000", "--base-p2p-port", "30002");
    assertThat(overlap.exitCode()).isEqualTo(2);
    assertThat(overlap.err()).contains("ranges overlap");

    CliRun count = CliRun.of("devnet", "--data-dir", net.toString(), "--validators", "3");
    assertThat(count.exitCode()).isEqualTo(2);
    assertThat(count.err()).contains("holds a 4-validator devnet, not 3");
  }
}
