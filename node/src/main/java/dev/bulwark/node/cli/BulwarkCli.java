package dev.bulwark.node.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code bulwark} executable: one picocli command tree, one exit code per invocation. */
@Command(
    name = "bulwark",
    mixinStandardHelpOptions = true,
    versionProvider = BulwarkCli.Version.class,
    description = "Bulwark: a permissioned BFT ledger node (two-chain HotStuff, BLS12-381 votes).",
    subcommands = {CommandLine.HelpCommand.class})
public final class BulwarkCli implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Entry point used by the {@code ./bulwark} launcher. */
  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /** The configured command line, shared by {@link #main} and tests. */
  public static CommandLine newCommandLine() {
    return new CommandLine(new BulwarkCli());
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
  }

  /** Reports the version recorded in the jar manifest (or "dev" when run from classes). */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = BulwarkCli.class.getPackage().getImplementationVersion();
      return new String[] {"bulwark " + (v == null ? "dev" : v)};
    }
  }
}
