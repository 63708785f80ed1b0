package dev.bulwark.node.cli;

import dev.bulwark.genesis.generator.KeyFileException;
import dev.bulwark.genesis.generator.KeyFiles;
import dev.bulwark.genesis.generator.ValidatorKeys;
import dev.bulwark.ledger.crypto.Secp256k1;
import dev.bulwark.ledger.staking.StakingFunction;
import dev.bulwark.ledger.types.Address;
import dev.bulwark.ledger.types.Bytes;
import dev.bulwark.node.staking.CallRevertedException;
import dev.bulwark.node.staking.JsonRpcClient;
import dev.bulwark.node.staking.StakingClient;
import dev.bulwark.node.staking.StakingOutcome;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The transaction-sending subcommands of {@code bulwark staking}, one class per function. */
final class StakingTxCommands {
  private static final Pattern AMOUNT =
      Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*(wei|gwei|ether|eth)?");
  private static final Pattern SECRET = Pattern.compile("(0x)?[0-9a-f]{64}");

  private StakingTxCommands() {}

  /** Options every sending subcommand shares, and the send itself. */
  abstract static class Base implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--rpc", required = true, paramLabel = "URL",
        description = "JSON-RPC endpoint of a node, e.g. http://127.0.0.1:8545/.")
    URI rpc;

    @Option(names = "--account-key", required = true, paramLabel = "FILE",
        description = "File holding the sender's secp256k1 private key (0x + 64 hex), e.g. a key "
            + "directory's account.key.")
    Path accountKey;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "60",
        description = "Seconds to wait for the receipt (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--send-anyway",
        description = "Submit even when eth_estimateGas shows the call would revert (it is then "
            + "included as failed, paying gas).")
    boolean sendAnyway;

    /** The call data of this function with its arguments. */
    abstract Bytes callData();

    /** The value sent with the call. */
    BigInteger value() {
      return BigInteger.ZERO;
    }

    @Override
    public Integer call() throws Exception {
      if (timeoutSeconds < 1) {
        throw usage("--timeout must be at least 1 s, got " + timeoutSeconds);
      }
      Secp256k1.KeyPair key = readKey(accountKey);
      Bytes data = callData();
      String name = spec.name();
      PrintWriter out = spec.commandLine().getOut();
      StakingOutcome outcome;
      try {
        outcome = new StakingClient(new JsonRpcClient(rpc)).send(key, data, value(), sendAnyway,
            Duration.ofSeconds(timeoutSeconds));
      } catch (CallRevertedException e) {
        spec.commandLine().getErr().println("staking " + name + ": would revert: " + e.getMessage()
            + " (not sent; --send-anyway submits it)");
        return 1;
      }
      if (outcome.success()) {
        out.printf("staking %s: success: transaction %s from %s in block %d, gas used %d%n", name,
            outcome.transaction(), key.address().toChecksumHex(), outcome.blockNumber(), outcome.gasUsed());
        out.flush();
        return 0;
      }
      spec.commandLine().getErr().printf(
          "staking %s: reverted: %s (transaction %s in block %d, gas used %d)%n", name,
          outcome.revertReason().orElse(""), outcome.transaction(), outcome.blockNumber(),
          outcome.gasUsed());
      spec.commandLine().getErr().flush();
      return 1;
    }

    Secp256k1.KeyPair readKey(Path file) {
      String text;
      try {
        text = Files.readString(file).strip().toLowerCase(Locale.ROOT);
      } catch (IOException e) {
        throw usage("--account-key " + file + " cannot be read: " + e.getMessage());
      }
      if (!SECRET.matcher(text).matches()) {
        throw usage("--account-key " + file + " must hold a private key: 0x followed by 64 hex digits");
      }
      try {
        return Secp256k1.fromPrivateKey(Bytes.fromHex(text.startsWith("0x") ? text : "0x" + text));
      } catch (IllegalArgumentException e) {
        throw usage("--account-key " + file + " holds an invalid key: " + e.getMessage());
      }
    }

    BigInteger amount(String flag, String text) {
      Matcher m = AMOUNT.matcher(text.strip().toLowerCase(Locale.ROOT));
      if (!m.matches()) {
        throw usage(flag + " " + text + " is not an amount (wei, or e.g. 1.5ether, 20gwei)");
      }
      int scale = switch (m.group(2) == null ? "wei" : m.group(2)) {
        case "gwei" -> 9;
        case "ether", "eth" -> 18;
        default -> 0;
      };
      BigDecimal wei = new BigDecimal(m.group(1)).movePointRight(scale);
      if (wei.signum() < 0 || wei.stripTrailingZeros().scale() > 0) {
        throw usage(flag + " " + text + " is not a whole number of wei");
      }
      return wei.toBigIntegerExact();
    }

    Address address(String what, String text) {
      try {
        return Address.fromHex(text.strip());
      } catch (IllegalArgumentException e) {
        throw usage(what + " " + text + " is not an address: " + e.getMessage());
      }
    }

    Bytes hex(String flag, String text) {
      try {
        return Bytes.fromHex(text.strip());
      } catch (IllegalArgumentException e) {
        throw usage(flag + " " + text + " is not hex: " + e.getMessage());
      }
    }

    CommandLine.ParameterException usage(String message) {
      return new CommandLine.ParameterException(spec.commandLine(), message);
    }
  }

  @Command(name = "register", mixinStandardHelpOptions = true,
      description = "register(blsPublicKey, proofOfPossession, nodePublicKey) with --stake as value: "
          + "the keys from --key-dir (as 'keys generate' wrote them) or given one by one.")
  static final class Register extends Base {
    @Option(names = "--key-dir", paramLabel = "DIR",
        description = "Directory with bls.key and node.key: the public keys and the proof of possession are derived from them.")
    Path keyDir;

    @Option(names = "--bls-public-key", paramLabel = "HEX", description = "48-byte BLS public key (without --key-dir).")
    String blsPublicKey;

    @Option(names = "--proof-of-possession", paramLabel = "HEX", description = "96-byte proof of possession (without --key-dir).")
    String proofOfPossession;

    @Option(names = "--node-public-key", paramLabel = "HEX", description = "32-byte Ed25519 node public key (without --key-dir).")
    String nodePublicKey;

    @Option(names = "--stake", required = true, paramLabel = "AMOUNT", description = "Stake to bond (at least the chain's minStake).")
    String stake;

    @Override
    Bytes callData() {
      if (keyDir != null) {
        if (blsPublicKey != null || proofOfPossession != null || nodePublicKey != null) {
          throw usage("give --key-dir or the three keys, not both");
        }
        ValidatorKeys keys;
        try {
          keys = KeyFiles.read(keyDir);
        } catch (KeyFileException e) {
          throw usage("--key-dir: " + e.getMessage());
        }
        return StakingFunction.REGISTER.encodeCall(keys.bls().publicKey().toBytes(),
            keys.proofOfPossession().toBytes(), keys.node().publicKey());
      }
      if (blsPublicKey == null || proofOfPossession == null || nodePublicKey == null) {
        throw usage("give --key-dir, or all of --bls-public-key, --proof-of-possession and --node-public-key");
      }
      return StakingFunction.REGISTER.encodeCall(hex("--bls-public-key", blsPublicKey),
          hex("--proof-of-possession", proofOfPossession), hex("--node-public-key", nodePublicKey));
    }

    @Override
    BigInteger value() {
      return amount("--stake", stake);
    }
  }

  @Command(name = "stake", mixinStandardHelpOptions = true, description = "stake(): adds --amount to the sender's bonded stake.")
  static final class Stake extends Base {
    @Option(names = "--amount", required = true, paramLabel = "AMOUNT", description = "Stake to add.")
    String amount;

    @Override
    Bytes callData() {
      return StakingFunction.STAKE.encodeCall();
    }

    @Override
    BigInteger value() {
      return amount("--amount", amount);
    }
  }

  @Command(name = "unstake", mixinStandardHelpOptions = true,
      description = "unstake(amount): moves --amount of bonded stake to unbonding, releasable after the unbonding period.")
  static final class Unstake extends Base {
    @Option(names = "--amount", required = true, paramLabel = "AMOUNT", description = "Stake to unbond.")
    String amount;

    @Override
    Bytes callData() {
      return StakingFunction.UNSTAKE.encodeCall(amount("--amount", amount));
    }
  }

  @Command(name = "withdraw", mixinStandardHelpOptions = true, description = "withdraw(): pays out every matured unbonding entry.")
  static final class Withdraw extends Base {
    @Override
    Bytes callData() {
      return StakingFunction.WITHDRAW.encodeCall();
    }
  }

  @Command(name = "unjail", mixinStandardHelpOptions = true, description = "unjail(): leaves jail once the jail time is over.")
  static final class Unjail extends Base {
    @Override
    Bytes callData() {
      return StakingFunction.UNJAIL.encodeCall();
    }
  }

  @Command(name = "permit", mixinStandardHelpOptions = true, description = "permit(account): admin only, lets ADDRESS register.")
  static final class Permit extends Base {
    @Parameters(index = "0", paramLabel = "ADDRESS", description = "Account to permit.")
    String account;

    @Override
    Bytes callData() {
      return StakingFunction.PERMIT.encodeCall(address("ADDRESS", account));
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "revoke(account): admin only, withdraws ADDRESS's permission.")
  static final class Revoke extends Base {
    @Parameters(index = "0", paramLabel = "ADDRESS", description = "Account to revoke.")
    String account;

    @Override
    Bytes callData() {
      return StakingFunction.REVOKE.encodeCall(address("ADDRESS", account));
    }
  }
}
