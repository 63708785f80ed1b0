package dev.bulwark.consensus.sim;

import java.util.SplittableRandom;

/**
 * Plans of the {@code whole-cluster-restart} scenario: every validator crashes at (nearly) the
 * same instant, twice per run, and restarts with what its disk keeps. The instants are drawn over
 * the round phases: a calm 250 ms round puts them anywhere between a proposal, the votes and the
 * QC; a ledger that lags the commit decision (up to 0.7 s) puts them between a commit decision and
 * its durability; and a validator that is already down when the power cut comes makes every round
 * it leads end in a timeout exchange, so many instants fall in one.
 */
final class WholeClusterRestart {
  private WholeClusterRestart() {}

  static Plan plan(int validators, SplittableRandom r) {
    PlanBuilder b = new PlanBuilder(validators, r);
    int variant = r.nextInt(3);
    b.commitLag = variant == 1 ? 250 + r.nextLong(450) : 5 + r.nextLong(60);
    int early = variant == 2 ? b.pick(1).get(0) : -1;
    long t = 2000 + r.nextLong(2000);
    long last = 0;
    for (int cut = 0; cut < 2; cut++) {
      long earlyAt = t - 500 - r.nextLong(2500);
      for (int node = 0; node < validators; node++) {
        long at = r.nextInt(4) == 0 ? t + r.nextLong(40) : t; // a power cut: all within 40 ms
        long back = t + 300 + r.nextLong(1200);
        b.crashes.add(new CrashSpec(node, node == early ? earlyAt : at, back, false));
        last = Math.max(last, back);
      }
      t = last + 2000 + r.nextLong(3000);
    }
    b.gst = last;
    return b.build();
  }
}
