package dev.bulwark.node.cli;

import ch.qos.logback.classic.Level;
import dev.bulwark.consensus.sim.Scenario;
import dev.bulwark.consensus.sim.Scenarios;
import dev.bulwark.consensus.sim.SimResult;
import dev.bulwark.consensus.sim.SimulationRunner;
import dev.bulwark.consensus.sim.SimulationRunner.Combo;
import dev.bulwark.consensus.sim.Violation;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bulwark simulate}: seeded simulation runs of the consensus core (see the consensus
 * module's README). Prints one line per failing run, with the command that replays it, then exactly
 * one summary line; exits 1 when any safety, liveness or evidence invariant broke.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    versionProvider = BulwarkCli.Version.class,
    description = {
      "Run the seeded consensus simulation: N validators on a simulated network with a virtual "
          + "clock, Byzantine behaviours, partitions and crashes, invariants checked after "
          + "every event.",
      "Seeds 1..N are dealt round-robin over the chosen scenarios (x validator counts). Prints "
          + "one line per failing run with its replay command, then one summary line:",
      "simulate: scenarios=<k> runs=<r> commits=<c> safety_violations=<v> "
          + "liveness_failures=<l> evidence_missed=<e>",
      "Exit 1 when v, l or e is non-zero (the negative control beyond-threshold must fail)."
    })
public final class SimulateCommand implements Callable<Integer> {
  private static final List<Integer> DEFAULT_VALIDATORS = List.of(4, 7);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--seeds",
      paramLabel = "N",
      description = "Number of runs: seeds 1..N (default 100).")
  long seeds = 100;

  @Option(
      names = "--scenario",
      paramLabel = "NAME",
      description =
          "A scenario name, or all (default: all; the negative control "
              + "beyond-threshold only by name). Names: ${COMPLETION-CANDIDATES}",
      completionCandidates = ScenarioNames.class)
  String scenario = "all";

  @Option(
      names = "--validators",
      paramLabel = "n",
      description = "Validators per run, 4..64 (default: both 4 and 7).")
  Integer validators;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = "Replay the single run with seed S (as printed for a failing run).")
  Long seed;

  @Option(names = "--verbose", description = "Log the consensus cores (debug level, on stderr).")
  boolean verbose;

  @Override
  public Integer call() {
    List<Combo> combos = SimulationRunner.combos(scenarios(), validatorCounts());
    if (seeds < 1 || (seed != null && seed < 1)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "seeds start at 1");
    }
    setConsensusLogLevel(verbose ? Level.DEBUG : Level.WARN);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SimulationRunner.Summary summary;
    if (seed != null) {
      Combo combo = SimulationRunner.comboFor(combos, seed);
      SimResult r = SimulationRunner.run(combo, seed);
      report(out, combo, r);
      r.violations().forEach(v -> err.println("  " + v));
      summary =
          new SimulationRunner.Summary(
              1,
              1,
              r.commits(),
              r.safetyViolated() ? 1 : 0,
              r.livenessFailed() ? 1 : 0,
              r.evidenceMissed() ? 1 : 0);
    } else {
      summary =
          SimulationRunner.runAll(
              combos, seeds, r -> report(out, SimulationRunner.comboFor(combos, r.seed()), r));
    }
    out.println(summary.line());
    out.flush();
    err.flush();
    return summary.failed() ? 1 : 0;
  }

  private static void report(PrintWriter out, Combo combo, SimResult r) {
    if (r.failed()) {
      Violation first = r.violations().get(0);
      out.println(
          "FAIL seed="
              + r.seed()
              + " scenario="
              + r.scenario()
              + " validators="
              + r.validators()
              + " bls="
              + (r.realBls() ? "real" : "test")
              + " violations="
              + r.violations().size()
              + " first=["
              + first
              + "] replay: "
              + combo.replayCommand(r.seed()));
      out.flush();
    }
  }

  private List<Scenario> scenarios() {
    if (scenario.equals("all")) {
      return Scenarios.ALL;
    }
    return List.of(
        Scenarios.byName(scenario)
            .orElseThrow(
                () ->
                    new CommandLine.ParameterException(
                        spec.commandLine(),
                        "unknown scenario '"
                            + scenario
                            + "'; one of: all, "
                            + String.join(", ", Scenarios.names()))));
  }

  private List<Integer> validatorCounts() {
    if (validators == null) {
      return DEFAULT_VALIDATORS;
    }
    if (validators < 4 || validators > 64) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--validators must be in 4..64, got " + validators);
    }
    return List.of(validators);
  }

  /** Quiet by default: the cores log every equivocation they find, at info level. */
  private static void setConsensusLogLevel(Level level) {
    if (LoggerFactory.getLogger("dev.bulwark.consensus")
        instanceof ch.qos.logback.classic.Logger l) {
      l.setLevel(level);
    }
  }

  /** The scenario names, for help and completion. */
  static final class ScenarioNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Scenarios.names().iterator();
    }
  }
}
