package dev.bulwark.node.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bulwark keys}: groups the validator key commands. */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    versionProvider = BulwarkCli.Version.class,
    description = "Manage validator keys (BLS consensus key, secp256k1 account key, Ed25519 node key).",
    subcommands = {KeysGenerateCommand.class})
public final class KeysCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand (generate)");
  }
}
