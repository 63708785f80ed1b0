package dev.bulwark.ledger.execution;

import dev.bulwark.ledger.types.Bytes;
import java.util.List;
import java.util.Optional;

/**
 * The result of a call to a system module: success with return data and logs, or a revert with
 * a reason (surfaced as receipt status 0, and as "execution reverted: reason" by eth_call).
 */
public record CallOutcome(boolean success, Bytes returnData, Optional<String> revertReason, List<Log> logs) {
  public CallOutcome {
    logs = List.copyOf(logs);
    if (success && revertReason.isPresent()) {
      throw new IllegalArgumentException("a successful call has no revert reason");
    }
    if (!success && !logs.isEmpty()) {
      throw new IllegalArgumentException("a reverted call emits no logs");
    }
  }

  /** A successful call. */
  public static CallOutcome success(Bytes returnData, List<Log> logs) {
    return new CallOutcome(true, returnData, Optional.empty(), logs);
  }

  /** A reverted call. */
  public static CallOutcome revert(String reason) {
    return new CallOutcome(false, Bytes.EMPTY, Optional.of(reason), List.of());
  }
}
