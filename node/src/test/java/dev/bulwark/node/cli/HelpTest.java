package dev.bulwark.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

class HelpTest {
  @Test
  void everyCommandOptionAndParameterIsDescribed() {
    List<CommandSpec> commands = new ArrayList<>();
    collect(BulwarkCli.newCommandLine(), commands);
    assertThat(commands).extracting(CommandSpec::qualifiedName).contains(
        "bulwark genesis validate", "bulwark genesis create", "bulwark keys generate");
    for (CommandSpec c : commands) {
      assertThat(String.join(" ", c.usageMessage().description())).as(c.qualifiedName()).isNotBlank();
      List<ArgSpec> args = new ArrayList<>(c.options());
      args.addAll(c.positionalParameters());
      for (ArgSpec a : args) {
        assertThat(String.join(" ", a.description())).as(c.qualifiedName() + " " + a).isNotBlank();
      }
    }
  }

  @Test
  void helpWorksOnEveryCommand() {
    List<CommandSpec> commands = new ArrayList<>();
    collect(BulwarkCli.newCommandLine(), commands);
    for (CommandSpec c : commands) {
      List<String> path = new ArrayList<>(List.of(c.qualifiedName().split(" ")));
      path.remove(0);
      if (path.contains("help")) {
        continue;
      }
      path.add("--help");
      CliRun run = CliRun.of(path.toArray(String[]::new));
      assertThat(run.exitCode()).as(c.qualifiedName()).isZero();
      assertThat(run.out()).startsWith("Usage: " + c.qualifiedName());
    }
  }

  private static void collect(CommandLine cl, List<CommandSpec> out) {
    out.add(cl.getCommandSpec());
    cl.getSubcommands().values().forEach(sub -> collect(sub, out));
  }
}
