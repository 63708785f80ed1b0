package dev.bulwark.node.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/** One in-process run of the CLI with captured stdout and stderr. */
record CliRun(int exitCode, String out, String err) {
  /** Runs {@code bulwark args...}. */
  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = BulwarkCli.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** Lines of stderr. */
  List<String> errLines() {
    return Arrays.asList(err.split("\\R"));
  }

  /** Lines of stdout. */
  List<String> outLines() {
    return Arrays.asList(out.split("\\R"));
  }
}
