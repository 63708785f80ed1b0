package dev.bulwark.node.cli;

import dev.bulwark.genesis.devaccounts.DevAccounts;
import dev.bulwark.genesis.devaccounts.LoadgenAccounts;
import dev.bulwark.genesis.generator.GeneratedNetwork;
import dev.bulwark.genesis.generator.GenesisGenerator;
import dev.bulwark.genesis.generator.GeneratorOptions;
import dev.bulwark.genesis.generator.NetworkWriter;
import dev.bulwark.genesis.model.Amounts;
import dev.bulwark.genesis.model.Endpoint;
import dev.bulwark.genesis.model.GenesisRules;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bulwark genesis create}: keys, genesis.json and node.toml files for N validators. */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    versionProvider = BulwarkCli.Version.class,
    description = {
        "Generate a network: DIR/genesis.json and, for each validator i, DIR/validator-<i>/ with "
            + "bls.key, account.key, node.key (mode 600) and node.toml.",
        "Exit codes: 0 written; 1 writing failed; 2 bad options (including files that exist, without --force)."})
public final class GenesisCreateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--validators", required = true, paramLabel = "N",
      description = "Number of validators (1..1000).")
  int validators;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "Directory to write into (created if missing).")
  Path out;

  @Option(names = "--host", paramLabel = "HOST", defaultValue = GeneratorOptions.DEFAULT_HOST,
      description = "Host every node listens on and peers dial (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--base-p2p-port", paramLabel = "PORT", defaultValue = "30303",
      description = "p2p port of validator 0; validator i gets PORT + i (default: ${DEFAULT-VALUE}).")
  int baseP2pPort;

  @Option(names = "--base-rpc-port", paramLabel = "PORT", defaultValue = "8545",
      description = "JSON-RPC port of validator 0; validator i gets PORT + i (default: ${DEFAULT-VALUE}).")
  int baseRpcPort;

  @Option(names = "--chain-id", paramLabel = "ID", defaultValue = "1337",
      description = "EIP-155 chain id, 1..4294967295 (default: ${DEFAULT-VALUE}).")
  long chainId;

  @Option(names = "--genesis-time", paramLabel = "SECONDS",
      description = "Genesis timestamp in unix seconds (default: now).")
  Long genesisTime;

  @Option(names = "--no-dev-accounts",
      description = "Do not fund the ten public development accounts; the admin is then validator 0's account.")
  boolean noDevAccounts;

  @Option(names = "--loadgen-accounts", paramLabel = "N", defaultValue = "0",
      description = "Also fund N load-generator senders (0.." + LoadgenAccounts.MAX_ACCOUNTS + ", default 0) "
          + "whose public keys `bulwark loadgen` re-derives: key i = keccak256(\"bulwark-loadgen:\" + i).")
  int loadgenAccounts;

  @Option(names = "--force", description = "Replace an existing genesis.json, key files and node.toml files in DIR.")
  boolean force;

  @Override
  public Integer call() throws Exception {
    GeneratorOptions options = checkedOptions();
    GeneratedNetwork network = GenesisGenerator.generate(options, new SecureRandom());
    NetworkWriter.Written written = NetworkWriter.write(network, out, force);
    printSummary(options, network, written);
    return 0;
  }

  private GeneratorOptions checkedOptions() {
    if (validators < 1 || validators > GeneratorOptions.MAX_VALIDATORS) {
      throw usage("--validators must be between 1 and " + GeneratorOptions.MAX_VALIDATORS + ", got " + validators);
    }
    PortRange p2p = new PortRange("--base-p2p-port", baseP2pPort, validators);
    PortRange rpc = new PortRange("--base-rpc-port", baseRpcPort, validators);
    for (PortRange r : new PortRange[] {p2p, rpc}) {
      if (r.problem() != null) {
        throw usage(r.problem());
      }
    }
    if (p2p.overlaps(rpc)) {
      throw usage("--base-p2p-port and --base-rpc-port overlap: p2p ports " + p2p
          + " and RPC ports " + rpc + " share a port");
    }
    try {
      new Endpoint(host, baseP2pPort);
    } catch (IllegalArgumentException e) {
      throw usage("--host " + host + " is invalid: " + e.getMessage());
    }
    String chainProblem = GenesisRules.chainIdProblem(chainId);
    if (chainProblem != null) {
      throw usage("--chain-id " + chainProblem + ", got " + chainId);
    }
    long time = genesisTime == null ? Instant.now().getEpochSecond() : genesisTime;
    String timeProblem = GenesisRules.genesisTimeProblem(time);
    if (timeProblem != null) {
      throw usage("--genesis-time " + timeProblem + ", got " + time);
    }
    String dirProblem = OutputDirectory.problem("--out", out);
    if (dirProblem != null) {
      throw usage(dirProblem);
    }
    List<Path> conflicts = NetworkWriter.conflicts(out, validators);
    if (!force && !conflicts.isEmpty()) {
      throw usage(conflicts.get(0) + " already exists; use --force to replace the network in " + out);
    }
    if (loadgenAccounts < 0 || loadgenAccounts > LoadgenAccounts.MAX_ACCOUNTS) {
      throw usage("--loadgen-accounts must be between 0 and " + LoadgenAccounts.MAX_ACCOUNTS
          + ", got " + loadgenAccounts);
    }
    return new GeneratorOptions(validators, host, baseP2pPort, baseRpcPort, chainId, time,
        !noDevAccounts, loadgenAccounts);
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }

  private void printSummary(GeneratorOptions o, GeneratedNetwork network, NetworkWriter.Written written) {
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.printf("Created a %d-validator network (chain id %d, genesis time %d)%n",
        o.validators(), o.chainId(), o.genesisTime());
    stdout.printf("  genesis: %s%n", written.genesisFile());
    for (GeneratedNetwork.Member m : network.validators()) {
      stdout.printf("  %s: %s  address %s  p2p %s  rpc %d%n", m.directoryName(),
          written.validatorDirs().get(m.index()), m.keys().address().toChecksumHex(),
          m.config().p2pEndpoint(), m.config().rpcPort());
    }
    stdout.printf("Each validator stakes %s tokens; its node.toml points at genesis, keys and data dir.%n",
        tokens(GenesisGenerator.VALIDATOR_STAKE));
    if (o.fundDevAccounts()) {
      stdout.printf("Funded the %d development accounts (mnemonic \"%s\", %s tokens each):%n",
          DevAccounts.COUNT, DevAccounts.MNEMONIC, tokens(GenesisGenerator.DEV_ACCOUNT_BALANCE));
      stdout.println("  their private keys are public: use --no-dev-accounts for a shared network.");
    }
    if (o.loadgenAccounts() > 0) {
      stdout.printf("Funded %d loadgen accounts (%s tokens each; public keys: keccak256(\"%s\" + i)).%n",
          o.loadgenAccounts(), tokens(GenesisGenerator.LOADGEN_ACCOUNT_BALANCE), LoadgenAccounts.SEED_PREFIX);
    }
    stdout.flush();
    PrintWriter stderr = spec.commandLine().getErr();
    for (Path dir : written.validatorDirs()) {
      if (Files.isDirectory(dir.resolve("data"))) {
        stderr.println("note: " + dir.resolve("data") + " holds data of a previous network; delete it before starting that node");
      }
    }
    stderr.flush();
  }

  private static String tokens(BigInteger amount) {
    return amount.divide(Amounts.ONE_TOKEN).toString();
  }
}
