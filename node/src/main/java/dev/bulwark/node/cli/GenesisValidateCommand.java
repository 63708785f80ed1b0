package dev.bulwark.node.cli;

import dev.bulwark.genesis.model.Problem;
import dev.bulwark.genesis.validation.GenesisLoader;
import dev.bulwark.genesis.validation.GenesisReport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code bulwark genesis validate FILE}: exit 0 and "valid" on stdout (warnings on stderr first),
 * exit 1 with every error as {@code path: reason} on stderr, exit 2 for usage errors.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    versionProvider = BulwarkCli.Version.class,
    description = {
        "Check a genesis file and report every problem.",
        "Exit codes: 0 valid ('valid' on stdout, warnings first on stderr as 'warning: path: reason'); "
            + "1 invalid (every error on stderr as 'path: reason', one per line); "
            + "2 usage error (e.g. FILE missing)."})
public final class GenesisValidateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The genesis JSON file to check.")
  Path file;

  @Override
  public Integer call() {
    if (!Files.isRegularFile(file)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "No such file: " + file);
    }
    GenesisReport report = GenesisLoader.validate(file);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!report.isValid()) {
      report.errors().forEach(err::println);
      int n = report.errors().size();
      err.println("invalid: " + n + " error" + (n == 1 ? "" : "s") + " in " + file);
      err.flush();
      return 1;
    }
    for (Problem w : report.warnings()) {
      err.println("warning: " + w);
    }
    err.flush();
    out.println("valid");
    out.flush();
    return 0;
  }
}
