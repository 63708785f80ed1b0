package dev.bulwark.consensus.sim;

import dev.bulwark.ledger.chain.Block;
import dev.bulwark.ledger.types.Hash;
import java.util.List;

/**
 * Knobs of a simulated run beyond its {@link Plan}, for benchmarks: the leaders' minimum block
 * interval, how long execution takes, whether real-BLS verification results are shared between the
 * simulated nodes, an optional height at which to stop, and a probe that sees proposals and
 * commits.
 */
public record SimOptions(
    long minBlockIntervalMillis,
    long minExecutionMillis,
    long maxExecutionMillis,
    boolean shareBlsVerification,
    long stopAtHeight,
    Probe probe) {
  /** What the simulation runs use: 250 ms interval, 1–4 ms execution, shared verification. */
  public static final SimOptions DEFAULT =
      new SimOptions(250, 1, 4, true, Long.MAX_VALUE, Probe.NONE);

  public SimOptions {
    if (minBlockIntervalMillis < 0
        || minExecutionMillis < 0
        || maxExecutionMillis < minExecutionMillis
        || stopAtHeight < 1
        || probe == null) {
      throw new IllegalArgumentException("invalid simulation options");
    }
  }

  /** Observes a run (benchmarks measure latency with it). */
  public interface Probe {
    /** Does nothing. */
    Probe NONE = new Probe() {};

    /** Node {@code node} broadcast its proposal of {@code block} at simulated time {@code t}. */
    default void proposed(int node, Hash block, long t) {}

    /** Node {@code node} committed {@code blocks} at simulated time {@code t}. */
    default void committed(int node, List<Block> blocks, long t) {}

    /** Node {@code node}'s consensus halted for {@code reason} at simulated time {@code t}. */
    default void halted(int node, String reason, long t) {}
  }
}
