package dev.bulwark.node.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bulwark genesis}: groups the genesis file commands. */
@Command(
    name = "genesis",
    mixinStandardHelpOptions = true,
    versionProvider = BulwarkCli.Version.class,
    description = "Create or check genesis files (format: genesis/README.md).",
    subcommands = {GenesisValidateCommand.class, GenesisCreateCommand.class})
public final class GenesisCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand (validate or create)");
  }
}
