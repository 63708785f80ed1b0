package dev.bulwark.ledger.execution;

import dev.bulwark.ledger.chain.BlockHeader;
import dev.bulwark.ledger.storage.WriteBatch;
import java.util.Optional;

/**
 * The block a new block executes on: its header (whose state root is the starting state) and, when
 * it is executed but not yet committed, the state nodes its execution staged.
 */
public record ParentState(BlockHeader header, Optional<ExecutionResult> uncommitted) {
  public ParentState {
    if (header == null || uncommitted == null) {
      throw new IllegalArgumentException("parent header and option are required");
    }
  }

  /** A committed parent: its state is in the store. */
  public static ParentState committed(BlockHeader header) {
    return new ParentState(header, Optional.empty());
  }

  /** An executed, uncommitted parent. */
  public static ParentState uncommitted(BlockHeader header, ExecutionResult result) {
    return new ParentState(header, Optional.of(result));
  }

  /** A fresh batch for the child's nodes, holding the uncommitted parent's nodes to read. */
  WriteBatch childNodeBatch() {
    WriteBatch batch = new WriteBatch();
    uncommitted.ifPresent(
        r ->
            r.stateNodes()
                .forEach(
                    (k, v) -> {
                      if (v == null) {
                        batch.delete(k);
                      } else {
                        batch.put(k, v);
                      }
                    }));
    return batch;
  }
}
