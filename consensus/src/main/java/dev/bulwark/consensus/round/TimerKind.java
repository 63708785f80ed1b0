package dev.bulwark.consensus.round;

/** What a timer is for. */
public enum TimerKind {
  /** The round's deadline: time out (or repeat the timeout message). */
  ROUND_TIMEOUT,
  /** The leader waited for the minimum block interval and may now propose. */
  PROPOSAL_DELAY
}
