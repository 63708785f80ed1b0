package dev.bulwark.node.cli;

import dev.bulwark.genesis.generator.KeyFiles;
import dev.bulwark.genesis.generator.ValidatorKeys;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bulwark keys generate --out DIR}: one validator's three key files and their public parts. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    versionProvider = BulwarkCli.Version.class,
    description = {
        "Write a new validator's bls.key, account.key and node.key (mode 600) into DIR and print the "
            + "public parts that the staking module's register(blsPublicKey, proofOfPossession, "
            + "nodePublicKey) needs.",
        "Never overwrites: exit 2 when a key file already exists in DIR."})
public final class KeysGenerateCommand implements Callable<Integer> {
  /** The staking module's address (DESIGN.md section 3). */
  static final String STAKING_MODULE = "0x0000000000000000000000000000000000001000";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "Directory for the key files (created if missing).")
  Path out;

  @Override
  public Integer call() throws Exception {
    String dirProblem = OutputDirectory.problem("--out", out);
    if (dirProblem != null) {
      throw new CommandLine.ParameterException(spec.commandLine(), dirProblem);
    }
    List<Path> existing = KeyFiles.existing(out);
    if (!existing.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          existing.get(0) + " already exists; refusing to overwrite a key");
    }
    ValidatorKeys keys = ValidatorKeys.generate(new SecureRandom());
    KeyFiles.write(out, keys, false);
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.printf("Wrote %s, %s and %s (mode 600) in %s%n", KeyFiles.BLS, KeyFiles.ACCOUNT, KeyFiles.NODE, out);
    stdout.printf("address:           %s%n", keys.address().toChecksumHex());
    stdout.printf("blsPublicKey:      %s%n", keys.bls().publicKey().toBytes().toHex());
    stdout.printf("proofOfPossession: %s%n", keys.proofOfPossession().toBytes().toHex());
    stdout.printf("nodePublicKey:     %s%n", keys.node().publicKey().toHex());
    stdout.printf("To join: the admin calls permit(address); then, from the address, call%n"
        + "register(blsPublicKey, proofOfPossession, nodePublicKey) on %s with the stake as value.%n",
        STAKING_MODULE);
    stdout.flush();
    return 0;
  }
}
