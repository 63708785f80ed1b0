package dev.bulwark.ledger.state.merkle;

import dev.bulwark.ledger.storage.StorageException;

/** A node the tree refers to is not in the store: an unknown or uncommitted root, or damage. */
public final class MissingNodeException extends StorageException {
  private static final long serialVersionUID = 1L;

  /** A missing node described by {@code message}. */
  public MissingNodeException(String message) {
    super(message);
  }
}
