package dev.bulwark.consensus.blocktree;

/** Where a block in the tree stands with execution (a vote needs an executed, valid block). */
public enum ExecutionState {
  /** Waiting for its parent to be executed. */
  WAITING_FOR_PARENT,
  /** Handed to the state computer; the result has not come back. */
  EXECUTING,
  /** Executed, and the result matched the header. */
  EXECUTED,
  /** Execution failed or disagreed with the header; never voted for or built upon. */
  INVALID
}
