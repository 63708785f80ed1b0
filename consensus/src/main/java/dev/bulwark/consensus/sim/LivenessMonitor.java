package dev.bulwark.consensus.sim;

import dev.bulwark.ledger.chain.ValidatorSet;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Progress invariants. Liveness: from GST on, while honest nodes holding a quorum of the current
 * epoch's power are up and connected, each of those honest validators commits a new block at least
 * once per window (20 base timeouts). No progress without a quorum: while no connected group of
 * running nodes holds a quorum, no honest node commits a block proposed after that period began
 * (blocks certified before it may still be committed).
 */
final class LivenessMonitor {
  private final long gst;
  private final long window;
  private final boolean checkLiveness;
  private final long[] clockStart;
  private final long[] lastCommit;
  private final boolean[] eligible;
  private final boolean[] failed;
  private final List<Violation> violations = new ArrayList<>();
  private boolean quorumUp = true;
  private long maxProposed;
  private long maxProposedAtOutage = -1;
  private boolean progressReported;

  LivenessMonitor(int nodes, long gst, long window, boolean checkLiveness) {
    this.gst = gst;
    this.window = window;
    this.checkLiveness = checkLiveness;
    this.clockStart = new long[nodes];
    this.lastCommit = new long[nodes];
    this.eligible = new boolean[nodes];
    this.failed = new boolean[nodes];
  }

  List<Violation> violations() {
    return violations;
  }

  /** A block of number {@code number} was proposed (by anyone). */
  void onProposal(long number) {
    maxProposed = Math.max(maxProposed, number);
  }

  /** Honest node {@code node} committed blocks up to {@code highestNumber}. */
  void onCommit(int node, long highestNumber, long t) {
    lastCommit[node] = t;
    if (!quorumUp && !progressReported && highestNumber > maxProposedAtOutage - 1) {
      progressReported = true;
      violations.add(
          new Violation(
              Violation.Kind.SAFETY,
              t,
              "node "
                  + node
                  + " committed block "
                  + highestNumber
                  + " although no connected group of running nodes holds a quorum "
                  + "(highest block proposed before: "
                  + maxProposedAtOutage
                  + ")"));
    }
  }

  /** Re-evaluates who must make progress, and whether anyone failed to, at time {@code t}. */
  void check(ClusterView view, long t) {
    long topEpoch = 0;
    for (int i = 0; i < view.nodeCount(); i++) {
      if (view.up(i) && view.honest(i)) {
        topEpoch = Math.max(topEpoch, view.epochOf(i));
      }
    }
    ValidatorSet set = view.schedule().set(topEpoch);
    boolean anyQuorum = false;
    Set<Integer> honestQuorumGroup = Set.of();
    for (Set<Integer> group : view.groups()) {
      if (power(view, set, group, false).compareTo(set.quorumPower()) >= 0) {
        anyQuorum = true;
      }
      if (power(view, set, group, true).compareTo(set.quorumPower()) >= 0) {
        honestQuorumGroup = group;
      }
    }
    if (quorumUp && !anyQuorum) {
      maxProposedAtOutage = maxProposed;
    }
    quorumUp = anyQuorum;
    for (int i = 0; i < view.nodeCount(); i++) {
      boolean e =
          checkLiveness
              && t >= gst
              && view.honest(i)
              && view.up(i)
              && honestQuorumGroup.contains(i)
              && view.schedule().isMember(view.keyIndex(i), topEpoch);
      if (e && !eligible[i]) {
        clockStart[i] = t;
      }
      eligible[i] = e;
      long since = Math.max(clockStart[i], lastCommit[i]);
      if (e && !failed[i] && t - since > window) {
        failed[i] = true;
        violations.add(
            new Violation(
                Violation.Kind.LIVENESS,
                t,
                "honest node "
                    + i
                    + " committed nothing for "
                    + (t - since)
                    + " ms after GST with a quorum of honest"
                    + " validators connected (epoch "
                    + topEpoch
                    + ", node in epoch "
                    + view.epochOf(i)
                    + ")"));
      }
    }
  }

  private static BigInteger power(
      ClusterView view, ValidatorSet set, Set<Integer> group, boolean honestOnly) {
    Set<Integer> keys = new TreeSet<>();
    for (int i : group) {
      if (view.up(i) && (!honestOnly || view.honest(i))) {
        keys.add(view.keyIndex(i));
      }
    }
    BigInteger sum = BigInteger.ZERO;
    for (int k : keys) {
      if (view.schedule().isMember(k, set.epoch())) {
        sum = sum.add(BigInteger.valueOf(view.schedule().powerOf(k, set.epoch())));
      }
    }
    return sum;
  }
}
