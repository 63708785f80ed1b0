package dev.bulwark.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SimulateCommandTest {
  private static final Pattern SUMMARY =
      Pattern.compile(
          "simulate: scenarios=(\\d+) runs=(\\d+)"
              + " commits=(\\d+) safety_violations=(\\d+) liveness_failures=(\\d+)"
              + " evidence_missed=(\\d+)");

  private static Matcher summary(CliRun run) {
    List<String> lines = run.outLines();
    Matcher m = SUMMARY.matcher(lines.get(lines.size() - 1));
    assertThat(m.matches()).as("last line is the summary: " + run.out()).isTrue();
    assertThat(lines.stream().filter(l -> l.startsWith("simulate:"))).hasSize(1);
    return m;
  }

  @Test
  void passingRunsPrintOnlyTheSummaryAndExitZero() {
    CliRun run = CliRun.of("simulate", "--seeds", "4", "--scenario", "honest");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.outLines()).hasSize(1);
    Matcher m = summary(run);
    assertThat(m.group(1)).as("honest at 4 and 7 validators").isEqualTo("2");
    assertThat(m.group(2)).isEqualTo("4");
    assertThat(Long.parseLong(m.group(3))).isPositive();
    assertThat(m.group(4) + m.group(5) + m.group(6)).isEqualTo("000");
  }

  @Test
  void theNegativeControlFailsWithAReplayCommandPerFailingRun() {
    CliRun run =
        CliRun.of(
            "simulate", "--seeds", "3", "--scenario", "beyond-threshold", "--validators", "4");

    assertThat(run.exitCode()).isEqualTo(1);
    Matcher m = summary(run);
    assertThat(Integer.parseInt(m.group(4))).isGreaterThanOrEqualTo(1);
    List<String> failures = run.outLines().subList(0, run.outLines().size() - 1);
    assertThat(failures)
        .hasSize(Integer.parseInt(m.group(4)))
        .allSatisfy(
            l ->
                assertThat(l)
                    .startsWith("FAIL seed=")
                    .containsPattern(
                        "replay: \\./bulwark simulate --scenario beyond-threshold "
                            + "--validators 4 --seed \\d+$"));
  }

  @Test
  void aSeedReplaysOneRunExactly() {
    CliRun first = CliRun.of("simulate", "--scenario", "lossy", "--validators", "4", "--seed", "5");
    CliRun again = CliRun.of("simulate", "--scenario", "lossy", "--validators", "4", "--seed", "5");

    assertThat(first.exitCode()).isZero();
    assertThat(summary(first).group(2)).isEqualTo("1");
    assertThat(again.out()).isEqualTo(first.out());
  }

  @Test
  void rejectsUnknownScenariosAndTooFewValidators() {
    CliRun unknown = CliRun.of("simulate", "--scenario", "nope");
    CliRun tiny = CliRun.of("simulate", "--validators", "3");

    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown scenario 'nope'").contains("twins");
    assertThat(tiny.exitCode()).isEqualTo(2);
    assertThat(tiny.err()).contains("4..64");
  }
}
