package dev.bulwark.ledger.store;

/**
 * The ledger holds no state for a block's parent: it is neither the head nor a block executed here
 * and still remembered. A fact about this node (the parent was never executed here, or was
 * forgotten), not about the block: callers may execute the parent and try again.
 */
public final class UnknownParentException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** The parent {@code message} describes is unknown. */
  public UnknownParentException(String message) {
    super(message);
  }
}
