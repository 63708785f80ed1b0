package dev.bulwark.ledger.execution;

/** A block that must not be voted for or committed: the proposer broke a rule (never a node fault). */
public class InvalidBlockException extends Exception {
  private static final long serialVersionUID = 1L;

  public InvalidBlockException(String message) {
    super(message);
  }

  public InvalidBlockException(String message, Throwable cause) {
    super(message, cause);
  }
}
