package dev.bulwark.consensus.env;

/** The environment's clock and timers (wall clock in the node, virtual in the simulation). */
public interface Timers {
  /** The local time in unix milliseconds. */
  long now();

  /**
   * Runs {@code fire} at local time {@code atMillis} (at once when that has passed), on the thread
   * that handles consensus events.
   */
  void schedule(long atMillis, Runnable fire);
}
