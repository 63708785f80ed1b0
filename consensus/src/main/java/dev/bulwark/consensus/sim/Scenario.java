package dev.bulwark.consensus.sim;

import java.util.SplittableRandom;

/**
 * A named family of runs: given the number of validators and a seeded random source it draws one
 * concrete {@link Plan}. {@code realBls} scenarios always sign with real BLS; others use the fast
 * test scheme except on every tenth seed (see {@link SimulationRunner}).
 */
public record Scenario(String name, String description, boolean realBls, Planner planner) {
  /** Draws a plan for {@code validators} validators. */
  @FunctionalInterface
  public interface Planner {
    /** The plan of one run. */
    Plan plan(int validators, SplittableRandom random);
  }

  /** The plan for {@code validators} validators and {@code seed}. */
  public Plan plan(int validators, long seed) {
    return planner.plan(validators, new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 17));
  }
}
