package dev.bulwark.consensus.port;

import dev.bulwark.ledger.chain.Block;
import java.util.Optional;

/**
 * What building a leader's draft came to: the execution outcome and, when the ledger rebuilt the
 * body, the completed block to sign (only with an executed outcome).
 */
public record DraftResult(ExecutionOutcome outcome, Optional<Block> built) {
  public DraftResult {
    if (outcome == null || built == null) {
      throw new IllegalArgumentException("a draft result has an outcome and an optional block");
    }
    if (built.isPresent() && !(outcome instanceof ExecutionOutcome.Executed)) {
      throw new IllegalArgumentException("only an executed draft has a built block");
    }
  }

  /** The draft executed as it is (no rebuilt body). */
  public static DraftResult asIs(ExecutionOutcome outcome) {
    return new DraftResult(outcome, Optional.empty());
  }

  /** The ledger rebuilt the draft into {@code block}, which executed with {@code outcome}. */
  public static DraftResult rebuilt(ExecutionOutcome.Executed outcome, Block block) {
    return new DraftResult(outcome, Optional.of(block));
  }
}
