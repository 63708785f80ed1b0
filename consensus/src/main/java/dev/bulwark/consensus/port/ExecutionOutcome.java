package dev.bulwark.consensus.port;

/**
 * What executing a block came to. Only {@link Invalid} speaks against the block; {@link
 * Unavailable} is a local condition (the ledger is slow, or lacks the parent's state) that says
 * nothing about it, so the core retries instead of refusing to vote.
 */
public sealed interface ExecutionOutcome {
  /** The block executed; its header must carry exactly {@code result}'s values. */
  record Executed(ExecutionResult result) implements ExecutionOutcome {
    public Executed {
      if (result == null) {
        throw new IllegalArgumentException("an executed block has a result");
      }
    }
  }

  /** The block breaks a rule (a transaction or evidence the ledger rejects): never voted for. */
  record Invalid(String reason) implements ExecutionOutcome {
    public Invalid {
      requireReason(reason);
    }
  }

  /** The block could not be executed here now (timeout, parent state missing): try again. */
  record Unavailable(String reason) implements ExecutionOutcome {
    public Unavailable {
      requireReason(reason);
    }
  }

  private static void requireReason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("an outcome other than executed needs a reason");
    }
  }
}
