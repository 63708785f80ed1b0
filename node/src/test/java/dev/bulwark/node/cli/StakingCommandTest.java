package dev.bulwark.node.cli;

import dev.bulwark.node.testnet.FreePorts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.genesis.devaccounts.DevAccounts;
import dev.bulwark.genesis.generator.GeneratedNetwork;
import dev.bulwark.genesis.generator.GeneratorOptions;
import dev.bulwark.genesis.generator.GenesisGenerator;
import dev.bulwark.genesis.generator.NetworkWriter;
import dev.bulwark.genesis.model.Endpoint;
import dev.bulwark.genesis.model.Genesis;
import dev.bulwark.genesis.model.GenesisParams;
import dev.bulwark.node.runtime.Node;
import dev.bulwark.node.runtime.NodeSettings;
import dev.bulwark.node.storage.DataDirectory;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bulwark staking} against four validators in this JVM over real JSON-RPC: permit,
 * register from a key directory, stake, unstake, status, and the module's revert reasons both
 * before sending (eth_estimateGas) and from a failed receipt ({@code --send-anyway}).
 */
class StakingCommandTest {
  private static final BigInteger ETHER = BigInteger.TEN.pow(18);

  @TempDir Path dir;
  private final List<Node> nodes = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (Node n : nodes) {
      n.stop().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
  }

  private String startNetwork() throws Exception {
    GeneratedNetwork network = GenesisGenerator.generate(new GeneratorOptions(4, "127.0.0.1",
        30303, 8545, 1337, Instant.now().getEpochSecond(), true), new SecureRandom());
    NetworkWriter.write(network, dir.resolve("net"), false);
    Genesis g = network.genesis();
    GenesisParams p = g.params();
    // a development account can afford the minimum stake; unbonding outlasts the test
    Genesis genesis = new Genesis(g.chainId(), g.genesisTime(), new GenesisParams(
        p.epochLengthBlocks(), p.maxValidators(), ETHER, 100_000, p.jailDurationBlocks(),
        p.equivocationSlashBps(), p.maxEvidenceAgeBlocks(), p.inactivityWindowSlots(),
        p.inactivityThresholdSlots(), p.inactivitySlashBps(), p.blockGasLimit(),
        p.minBaseFeePerGas(), p.stakingCallGas(), p.admin()), g.validators(), g.alloc());
    int[] ports = FreePorts.of(4);
    List<Endpoint> all = new ArrayList<>();
    for (int port : ports) {
      all.add(new Endpoint("127.0.0.1", port));
    }
    for (int i = 0; i < 4; i++) {
      Path home = dir.resolve("net/validator-" + i);
      int p2p = ports[i];
      nodes.add(Node.start(new NodeSettings(genesis, Optional.of(home),
          new DataDirectory(home.resolve("data")), "127.0.0.1", p2p, 0,
          all.stream().filter(e -> e.port() != p2p).toList(), Set.of(), 50, false,
          Optional.empty())));
    }
    return "http://127.0.0.1:" + nodes.get(0).rpcPort() + "/";
  }

  private Path devKey(int i) throws IOException {
    Path file = dir.resolve("dev-" + i + ".key");
    Files.writeString(file, DevAccounts.standard().get(i).privateKey().toHex() + "\n");
    return file;
  }

  private static CliRun staking(String rpc, String command, Path key, String... args) {
    List<String> all = new ArrayList<>(List.of("staking", command, "--rpc", rpc));
    if (key != null) {
      all.addAll(List.of("--account-key", key.toString()));
    }
    all.addAll(List.of(args));
    return CliRun.of(all.toArray(String[]::new));
  }

  @Test
  void anOperatorJoinsStakesAndUnstakesAndSeesEveryRevertReason() throws Exception {
    String rpc = startNetwork();
    Path admin = devKey(0);
    Path operator = devKey(1);
    String operatorAddress = DevAccounts.standard().get(1).address().toChecksumHex();
    Path keys = dir.resolve("joiner");
    assertThat(CliRun.of("keys", "generate", "--out", keys.toString()).exitCode()).isZero();

    CliRun unpermitted = staking(rpc, "register", operator, "--key-dir", keys.toString(),
        "--stake", "1ether");
    assertThat(unpermitted.exitCode()).isEqualTo(1);
    assertThat(unpermitted.err()).contains("staking register: would revert: not permitted (not sent");

    CliRun notAdmin = staking(rpc, "permit", operator, operatorAddress);
    assertThat(notAdmin.exitCode()).isEqualTo(1);
    assertThat(notAdmin.err()).contains("would revert: not admin");

    CliRun permit = staking(rpc, "permit", admin, operatorAddress);
    assertThat(permit.exitCode()).as(permit.err()).isZero();
    assertThat(permit.out()).startsWith("staking permit: success: transaction 0x");

    CliRun register = staking(rpc, "register", operator, "--key-dir", keys.toString(),
        "--stake", "1ether");
    assertThat(register.exitCode()).as(register.err()).isZero();
    assertThat(register.out()).contains("staking register: success").contains(operatorAddress);

    assertThat(staking(rpc, "stake", operator, "--amount", "0.5ether").exitCode()).isZero();
    CliRun below = staking(rpc, "stake", operator, "--amount", "0");
    assertThat(below.err()).contains("would revert: zero value");
    assertThat(staking(rpc, "unstake", operator, "--amount", "500000000000000000").exitCode()).isZero();

    CliRun status = staking(rpc, "status", null, "--address", operatorAddress);
    assertThat(status.exitCode()).as(status.err()).isZero();
    assertThat(status.out()).contains(operatorAddress + " status=unbonding bonded=" + ETHER
        + " unbonding=" + ETHER.shiftRight(1) + " votingPower=0 jailedUntil=-");
    CliRun everyone = staking(rpc, "status", null);
    assertThat(everyone.outLines()).hasSize(6).first().asString().startsWith("block ");

    // withdraw before the unbonding period: refused before sending, and in the receipt when sent
    CliRun early = staking(rpc, "withdraw", operator);
    assertThat(early.exitCode()).isEqualTo(1);
    assertThat(early.err()).contains("would revert: nothing to withdraw");
    CliRun sent = staking(rpc, "withdraw", operator, "--send-anyway");
    assertThat(sent.exitCode()).isEqualTo(1);
    assertThat(sent.err()).containsPattern(
        "staking withdraw: reverted: nothing to withdraw \\(transaction 0x[0-9a-f]{64} in block \\d+, gas used \\d+\\)");

    CliRun notJailed = staking(rpc, "unjail", operator);
    assertThat(notJailed.err()).contains("would revert: not jailed");
    CliRun revoke = staking(rpc, "revoke", admin, operatorAddress);
    assertThat(revoke.exitCode()).isZero();
  }

  @Test
  void badOptionsAreUsageErrors() throws IOException {
    Path bad = dir.resolve("bad.key");
    Files.writeString(bad, "not a key");
    CliRun badKey = CliRun.of("staking", "unjail", "--rpc", "http://127.0.0.1:1/", "--account-key", bad.toString());
    assertThat(badKey.exitCode()).isEqualTo(2);
    assertThat(badKey.err()).contains("must hold a private key");
    CliRun badAmount = CliRun.of("staking", "stake", "--rpc", "http://127.0.0.1:1/", "--account-key",
        devKey(0).toString(), "--amount", "1.5wei");
    assertThat(badAmount.exitCode()).isEqualTo(2);
    assertThat(badAmount.err()).contains("--amount 1.5wei is not a whole number of wei");
    CliRun unreachable = CliRun.of("staking", "status", "--rpc", "http://127.0.0.1:1/");
    assertThat(unreachable.exitCode()).isEqualTo(1);
    assertThat(unreachable.err()).contains("cannot reach");
  }
}
