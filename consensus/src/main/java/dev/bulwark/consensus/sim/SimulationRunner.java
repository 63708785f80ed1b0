package dev.bulwark.consensus.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs many seeds over a set of (scenario, validator count) combinations: seeds 1…N are dealt
 * round-robin over the combinations, and seed s always gives the same run. Every tenth seed (and
 * every run of a real-BLS scenario) signs with real BLS.
 */
public final class SimulationRunner {
  private SimulationRunner() {}

  /** A scenario at one validator count. */
  public record Combo(Scenario scenario, int validators) {
    /** The command line that replays seed {@code seed} of this combination. */
    public String replayCommand(long seed) {
      return "./bulwark simulate --scenario "
          + scenario.name()
          + " --validators "
          + validators
          + " --seed "
          + seed;
    }
  }

  /** Totals over many runs; each failure field counts runs that had that kind of failure. */
  public record Summary(
      int scenarios,
      long runs,
      long commits,
      long safetyViolations,
      long livenessFailures,
      long evidenceMissed) {
    /** The one-line summary the CLI prints. */
    public String line() {
      return "simulate: scenarios="
          + scenarios
          + " runs="
          + runs
          + " commits="
          + commits
          + " safety_violations="
          + safetyViolations
          + " liveness_failures="
          + livenessFailures
          + " evidence_missed="
          + evidenceMissed;
    }

    /** True when any invariant broke in any run. */
    public boolean failed() {
      return safetyViolations > 0 || livenessFailures > 0 || evidenceMissed > 0;
    }
  }

  /** The combinations for {@code scenarios} at each of {@code validatorCounts}. */
  public static List<Combo> combos(List<Scenario> scenarios, List<Integer> validatorCounts) {
    List<Combo> out = new ArrayList<>();
    for (Scenario s : scenarios) {
      for (int n : validatorCounts) {
        out.add(new Combo(s, n));
      }
    }
    return out;
  }

  /** True when seed {@code seed} of {@code scenario} signs with real BLS. */
  public static boolean usesRealBls(Scenario scenario, long seed) {
    return scenario.realBls() || seed % 10 == 0;
  }

  /** Runs seed {@code seed} of {@code combo}. */
  public static SimResult run(Combo combo, long seed) {
    Plan plan = combo.scenario().plan(combo.validators(), seed);
    return Simulation.run(combo.scenario().name(), plan, seed, usesRealBls(combo.scenario(), seed));
  }

  /** The combination seed {@code seed} is dealt to. */
  public static Combo comboFor(List<Combo> combos, long seed) {
    return combos.get((int) ((seed - 1) % combos.size()));
  }

  /** Runs seeds 1…{@code seeds}, reporting each result to {@code onResult}. */
  public static Summary runAll(List<Combo> combos, long seeds, Consumer<SimResult> onResult) {
    long commits = 0;
    long safety = 0;
    long liveness = 0;
    long evidence = 0;
    for (long seed = 1; seed <= seeds; seed++) {
      SimResult r = run(comboFor(combos, seed), seed);
      commits += r.commits();
      safety += r.safetyViolated() ? 1 : 0;
      liveness += r.livenessFailed() ? 1 : 0;
      evidence += r.evidenceMissed() ? 1 : 0;
      onResult.accept(r);
    }
    return new Summary(combos.size(), seeds, commits, safety, liveness, evidence);
  }
}
