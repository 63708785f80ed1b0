package dev.bulwark.node.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code bulwark} executable: one picocli command tree, one exit code per invocation. */
@Command(
    name = "bulwark",
    mixinStandardHelpOptions = true,
    versionProvider = BulwarkCli.Version.class,
    description = "Bulwark: a permissioned BFT ledger node (two-chain HotStuff, BLS12-381 votes).",
    subcommands = {
      CommandLine.HelpCommand.class,
      NodeCommand.class,
      DevnetCommand.class,
      GenesisCommand.class,
      KeysCommand.class,
      BenchCommand.class,
      SimulateCommand.class,
      VerifyProofCommand.class,
      LoadgenCommand.class,
      StakingCommand.class,
      AuditCommand.class
    })
public final class BulwarkCli implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(BulwarkCli.class);
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Entry point used by the {@code ./bulwark} launcher. */
  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /** The configured command line, shared by {@link #main} and tests. */
  public static CommandLine newCommandLine() {
    CommandLine cli = new CommandLine(new BulwarkCli());
    cli.setExecutionExceptionHandler(BulwarkCli::reportFailure);
    return cli;
  }

  /** A command that failed while running: one line on stderr and exit 1, the trace only in the log. */
  private static int reportFailure(
      Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    LOG.debug("command failed", e);
    cli.getErr().println("bulwark " + cli.getCommandName() + ": error: " + e.getMessage());
    cli.getErr().flush();
    return 1;
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
