package dev.bulwark.ledger.execution;

/**
 * A transaction that may not be in a block at this point (bad signature or chain id, wrong nonce,
 * unpayable, over the remaining block gas): the executor rejects the whole block, the builder
 * leaves the transaction out. The message starts with Ethereum's error text.
 */
public final class InvalidTransactionException extends Exception {
  private static final long serialVersionUID = 1L;

  /** A rejection described by {@code message}. */
  public InvalidTransactionException(String message) {
    super(message);
  }
}
